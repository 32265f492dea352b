//! PLACEHOLDER until the generator lands.
pub fn vtimezone_lines(
    tz: chrono_tz::Tz,
    _from: chrono::DateTime<chrono::Utc>,
    _to: chrono::DateTime<chrono::Utc>,
) -> Vec<String> {
    vec!["BEGIN:VTIMEZONE".into(), format!("TZID:{}", tz.name()), "END:VTIMEZONE".into()]
}
