//! Bodies of the methods php-rdkafka declares once on a base class but which we
//! declare on each client class (ext-php-rs resolves `$this` by Rust type, see
//! `kafka.rs`): each class's method is one call into here with its handle.

use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;

use super::exception::{exception, guard, type_error, OrThrow};
use super::zval::PhpString;
use crate::engine::{Logger, NativeClient};

/// `setLogger(int $logger)`: one of the `RD_KAFKA_LOG_*` constants.
pub fn set_logger(handle: &NativeClient, logger: i64) -> PhpResult<()> {
    let logger = Logger::from_constant(logger)
        .ok_or_else(|| exception(format!("Invalid logger {logger}: use RD_KAFKA_LOG_PRINT, RD_KAFKA_LOG_SYSLOG or RD_KAFKA_LOG_SYSLOG_PRINT"), 0))?;
    handle.set_logger(logger);
    Ok(())
}

/// `oauthbearerSetToken(string $token_value, int $lifetime_ms, string $principal_name, array $extensions = [])`
pub fn oauthbearer_set_token(
    handle: &NativeClient,
    token_value: &str,
    lifetime_ms: i64,
    principal_name: &str,
    extensions: Option<&ZendHashTable>,
) -> PhpResult<()> {
    guard(|| {
        let extensions = extensions
            .map(|array| {
                array
                    .iter()
                    .map(|(key, value)| {
                        let value = PhpString::from_value(value).ok_or_else(|| {
                            type_error(format!("oauthbearerSetToken(): extension \"{key}\" must be a string, {} given", super::zval::type_name(value)))
                        })?;
                        Ok((key.to_string(), value.0))
                    })
                    .collect::<PhpResult<Vec<(String, String)>>>()
            })
            .transpose()?
            .unwrap_or_default();
        handle.oauthbearer_set_token(token_value, lifetime_ms, principal_name, &extensions).or_throw()
    })
}

/// `oauthbearerSetTokenFailure(string $error)`
pub fn oauthbearer_set_token_failure(handle: &NativeClient, error: &str) -> PhpResult<()> {
    guard(|| handle.oauthbearer_set_token_failure(error).or_throw())
}
