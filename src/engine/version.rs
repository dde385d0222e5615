//! Versions and build facts shown by phpinfo().

use rdkafka_sys as rdsys;

use super::error::cstr_to_string;

/// The extension's own version.
pub const EXTENSION_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The git commit the extension was built from ("unknown" outside a checkout).
pub const GIT_COMMIT: &str = env!("RDKAFKA_RS_GIT_COMMIT");
/// The php-rdkafka API level implemented, and what `phpversion('rdkafka')` reports,
/// so Composer's `ext-rdkafka: ^6.0` constraint is met.
pub const PHP_RDKAFKA_API_VERSION: &str = "6.0.5";

/// librdkafka's version as an int (`rd_kafka_version()`), e.g. 0x020c01ff.
pub fn librdkafka_version() -> i32 {
    // SAFETY: no preconditions.
    unsafe { rdsys::rd_kafka_version() }
}

/// librdkafka's version as text, e.g. "2.12.1".
pub fn librdkafka_version_str() -> String {
    // SAFETY: returns a static string.
    cstr_to_string(unsafe { rdsys::rd_kafka_version_str() })
}

/// The librdkafka version we compiled against (`RD_KAFKA_VERSION` in rdkafka.h).
pub fn librdkafka_build_version() -> i32 {
    rdsys::RD_KAFKA_VERSION
}

/// A librdkafka version int (0xMMmmrrxx) as "M.m.r".
pub fn version_text(version: i32) -> String {
    format!("{}.{}.{}", (version >> 24) & 0xff, (version >> 16) & 0xff, (version >> 8) & 0xff)
}

/// librdkafka's `builtin.features` (e.g. "gzip,snappy,ssl,sasl,...").
pub fn builtin_features() -> String {
    let conf = super::conf::NativeConf::new();
    conf.get("builtin.features").unwrap_or_default()
}

/// Threads librdkafka currently runs (`rd_kafka_thread_cnt()`).
pub fn thread_count() -> i32 {
    // SAFETY: no preconditions.
    unsafe { rdsys::rd_kafka_thread_cnt() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_features_include_what_production_clusters_need() {
        let features = builtin_features();
        for needed in ["gzip", "snappy", "ssl", "sasl_plain", "sasl_scram", "sasl_oauthbearer", "lz4", "zstd"] {
            assert!(features.split(',').any(|f| f == needed), "{needed} missing from {features}");
        }
    }

    #[test]
    fn runtime_and_build_versions_agree() {
        assert_eq!(librdkafka_version(), librdkafka_build_version());
        assert_eq!(version_text(librdkafka_build_version()), librdkafka_version_str());
    }
}
