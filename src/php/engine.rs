//! `RdKafka\Engine`: what the process-wide engine holds, for monitoring. Not in
//! php-rdkafka; `php --ri rdkafka` shows the same figures.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;

use super::exception::exception;
use crate::engine::client::live_handles;
use crate::engine::persistent;

#[php_class]
#[php(name = "RdKafka\\Engine")]
pub struct Engine;

#[php_impl]
impl Engine {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(exception("RdKafka\\Engine has only static methods: call RdKafka\\Engine::stats()", 0))
    }

    /// This process's clients and persistent producers (`rdkafka_rs.persistent`):
    /// `producers`, `consumers` (live handles), `persistent_producers` (in use or
    /// parked), `persistent_parked`, `persistent_created`, `persistent_reused`,
    /// `persistent_in_flight` (messages not delivered yet) and
    /// `persistent_failed_after_request` (failures reported after their request ended).
    pub fn stats() -> PhpResult<ZBox<ZendHashTable>> {
        let (producers, consumers) = live_handles();
        let persistent = persistent::stats();
        let figures: [(&str, i64); 8] = [
            ("producers", producers as i64),
            ("consumers", consumers as i64),
            ("persistent_producers", persistent.live as i64),
            ("persistent_parked", persistent.parked as i64),
            ("persistent_created", persistent.created as i64),
            ("persistent_reused", persistent.reused as i64),
            ("persistent_in_flight", persistent.in_flight),
            ("persistent_failed_after_request", persistent.failed_after_request),
        ];
        let mut table = ZendHashTable::new();
        for (name, value) in figures {
            table.insert(name, value)?;
        }
        Ok(table)
    }
}
