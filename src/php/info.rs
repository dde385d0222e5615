//! What `phpinfo()` and `php --ri rdkafka` show.

use ext_php_rs::zend::ModuleEntry;
use ext_php_rs::{info_table_end, info_table_row, info_table_start};

use crate::engine::client::live_handles;
use crate::engine::engine_thread::engine_status;
use crate::engine::version::{
    builtin_features, librdkafka_build_version, librdkafka_version_str, version_text, EXTENSION_VERSION, GIT_COMMIT,
    PHP_RDKAFKA_API_VERSION,
};

extern "C" {
    // PHPAPI (ext/standard/info.c); ext-php-rs does not bind it.
    fn display_ini_entries(module: *mut ModuleEntry);
}

pub(crate) extern "C" fn module_info(module: *mut ModuleEntry) {
    let (engine_started, live_producers) = engine_status();
    info_table_start!();
    info_table_row!("rdkafka support", "enabled");
    info_table_row!("implementation", "rdkafka-rs (Rust)");
    info_table_row!("rdkafka-rs version", EXTENSION_VERSION);
    info_table_row!("rdkafka-rs build", GIT_COMMIT);
    info_table_row!("php-rdkafka API version", PHP_RDKAFKA_API_VERSION);
    info_table_row!("librdkafka version (runtime)", librdkafka_version_str().as_str());
    info_table_row!("librdkafka version (build)", version_text(librdkafka_build_version()).as_str());
    info_table_row!("librdkafka built-in features", builtin_features().as_str());
    info_table_row!("engine thread", if engine_started { "running" } else { "not started" });
    info_table_row!("producers served by the engine thread", live_producers.to_string().as_str());
    let (producers, consumers) = live_handles();
    info_table_row!("live clients", format!("{producers} producer(s), {consumers} consumer(s)").as_str());
    let persistent = crate::engine::persistent::stats();
    info_table_row!(
        "persistent producers",
        format!(
            "{} live ({} parked), {} created, {} reused, {} message(s) in flight",
            persistent.live, persistent.parked, persistent.created, persistent.reused, persistent.in_flight
        )
        .as_str()
    );
    info_table_end!();
    // SAFETY: PHP hands us our own live module entry.
    unsafe { display_ini_entries(module) };
}
