//! Staff: groups.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::session::{StaffError, StaffUser};
use super::{chrome, done_notice, page, see_other, Done, StaffChrome};
use crate::db::groups::{self, Group};
use crate::domain::group::GroupInput;
use crate::domain::FieldErrors;
use crate::error::AppError;
use crate::services::groups as group_service;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "staff/groups.html")]
struct GroupsPage {
    chrome: StaffChrome,
    groups: Vec<Group>,
    f: GroupInput,
    errors: FieldErrors,
}

impl GroupsPage {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors.get(field)
    }
}

pub async fn groups(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    done: web::Query<Done>,
) -> Result<HttpResponse, StaffError> {
    let groups = state
        .db(|conn| -> Result<_, AppError> { Ok(groups::all(conn)?) })
        .await?;
    Ok(page(
        StatusCode::OK,
        &GroupsPage {
            chrome: chrome(&req, &state, &me.0, done_notice(&done)),
            groups,
            f: GroupInput::default(),
            errors: FieldErrors::default(),
        },
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct GroupForm {
    csrf_token: Option<String>,
    slug: Option<String>,
    name: Option<String>,
    description: Option<String>,
    contact_email: Option<String>,
}

pub async fn create_group(
    req: HttpRequest,
    state: web::Data<AppState>,
    me: StaffUser,
    form: web::Form<GroupForm>,
) -> Result<HttpResponse, StaffError> {
    crate::csrf::verify(&req, &state, form.csrf_token.as_deref())?;
    let form = form.into_inner();
    let input = GroupInput {
        slug: form.slug,
        name: form.name,
        description: form.description,
        contact_email: form.contact_email,
        ..GroupInput::default()
    };
    let actor = me.0.clone();
    let outcome = state
        .db(move |conn| -> Result<_, AppError> {
            match group_service::create(conn, &input, Some(&actor)) {
                Ok(_) => Ok(Ok(())),
                Err(AppError::Validation(errors)) => Ok(Err((input, errors, groups::all(conn)?))),
                Err(AppError::Conflict { message, .. }) => {
                    let mut errors = FieldErrors::default();
                    errors.add("slug", message);
                    Ok(Err((input, errors, groups::all(conn)?)))
                }
                Err(e) => Err(e),
            }
        })
        .await?;
    state.calendar_changed();
    match outcome {
        Ok(()) => Ok(see_other("/staff/groups?done=group")),
        Err((f, errors, groups)) => Ok(page(
            StatusCode::UNPROCESSABLE_ENTITY,
            &GroupsPage {
                chrome: chrome(&req, &state, &me.0, None),
                groups,
                f,
                errors,
            },
        )),
    }
}
