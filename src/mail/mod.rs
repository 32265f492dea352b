//! Mail: messages written for people (text + HTML + invite), the transports, and the
//! outbox worker that sends them.

pub mod about;
pub mod account;
pub mod changes;
pub mod context;
pub mod follower;
pub mod input;
pub mod kind;
pub mod links;
pub mod material;
pub mod messages;
pub mod smtp;
pub mod transport;
pub mod words;
pub mod worker;

pub use about::About;
pub use context::MailContext;
pub use messages::{enqueue, MailKind, Recipient};
