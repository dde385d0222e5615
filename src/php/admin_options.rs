//! `RdKafka\Admin\AdminOptions`: timeouts and validate-only for one admin call,
//! made by `AdminClient::newAdminOptions()`.

use std::cell::RefCell;
use std::time::Duration;

use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;

use super::exception::{exception, invalid_argument, type_error};
use super::zval::{type_name, PhpBool, PhpInt};
use crate::engine::admin;

#[php_class]
#[php(name = "RdKafka\\Admin\\AdminOptions")]
pub struct AdminOptions {
    /// The `RD_KAFKA_ADMIN_OP_*` the options were made for (0: any).
    operation: i64,
    options: RefCell<admin::AdminOptions>,
}

impl AdminOptions {
    pub fn new(operation: i64) -> Self {
        Self { operation, options: RefCell::new(admin::AdminOptions::default()) }
    }

    /// The options for `operation`, or an InvalidArgumentException if they were made for another.
    pub fn for_operation(&self, operation: i64, method: &str) -> PhpResult<admin::AdminOptions> {
        if self.operation != 0 && self.operation != operation {
            return Err(invalid_argument(format!(
                "{method}: these AdminOptions were made for RD_KAFKA_ADMIN_OP {}, not {operation}: use newAdminOptions({operation}) or RD_KAFKA_ADMIN_OP_ANY",
                self.operation
            )));
        }
        Ok(self.options.borrow().clone())
    }
}

fn milliseconds(method: &str, value: i64) -> PhpResult<Duration> {
    u64::try_from(value)
        .ok()
        .filter(|ms| *ms <= i32::MAX as u64)
        .map(Duration::from_millis)
        .ok_or_else(|| invalid_argument(format!("{method}: {value} ms is out of range (0 to {})", i32::MAX)))
}

#[php_impl]
impl AdminOptions {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(exception("RdKafka\\Admin\\AdminOptions are made by RdKafka\\Admin\\AdminClient::newAdminOptions()", 0))
    }

    /// How long to wait for the broker's answer (default 30 s).
    pub fn set_request_timeout(&self, timeout_ms: PhpInt) -> PhpResult<()> {
        self.options.borrow_mut().request_timeout = Some(milliseconds("setRequestTimeout()", timeout_ms.0)?);
        Ok(())
    }

    /// How long the controller waits for the operation to finish cluster-wide (default 0: do not wait).
    pub fn set_operation_timeout(&self, timeout_ms: PhpInt) -> PhpResult<()> {
        self.options.borrow_mut().operation_timeout = Some(milliseconds("setOperationTimeout()", timeout_ms.0)?);
        Ok(())
    }

    /// Only validate the request on the broker, change nothing.
    pub fn set_validate_only(&self, validate_only: PhpBool) {
        self.options.borrow_mut().validate_only = validate_only.0;
    }

    /// listConsumerGroups() lists only groups in these RD_KAFKA_CONSUMER_GROUP_STATE_* (empty: all).
    pub fn set_match_consumer_group_states(&self, states: &ZendHashTable) -> PhpResult<()> {
        let states = super::zval::entries(states)
            .map(|(index, value)| {
                let state = value.long().ok_or_else(|| {
                    type_error(format!("RdKafka\\Admin\\AdminOptions::setMatchConsumerGroupStates(): element {index} must be of type int, {} given", type_name(value)))
                })?;
                i32::try_from(state).ok().filter(|state| (0..=5).contains(state)).ok_or_else(|| {
                    invalid_argument(format!("setMatchConsumerGroupStates(): unknown state {state} (element {index}): use an RD_KAFKA_CONSUMER_GROUP_STATE_* constant"))
                })
            })
            .collect::<PhpResult<Vec<i32>>>()?;
        self.options.borrow_mut().match_group_states = states;
        Ok(())
    }
}
