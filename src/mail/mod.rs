//! Mail: messages written for people (text + HTML + invite), the transports, and the
//! outbox worker that sends them.

pub mod about;
pub mod account;
pub mod messages;
pub mod smtp;
pub mod transport;
pub mod worker;

pub use about::About;
pub use messages::{enqueue, MailContext, MailKind, Recipient};
