//! The ceiling for bench/run: the same produce and consume workloads as the PHP
//! scripts, driven from Rust straight on librdkafka (the same vendored 2.12.1).
//!
//!   cargo bench --bench ceiling -- produce BROKERS TOPIC N SIZE
//!   cargo bench --bench ceiling -- consume BROKERS TOPIC N
//!   cargo bench --bench ceiling -- roundtrip BROKERS TOPIC N SIZE
//!
//! produce: rd_kafka_produce on a cached topic handle (payload copied, as the
//! extension does), rd_kafka_poll(rk, 0) after each, then rd_kafka_flush; with a
//! no-op delivery report callback, so that delivered messages come back to the
//! producing thread and are freed there, as under both PHP extensions.
//! consume: a group consumer (subscribe) reading N messages with
//! rd_kafka_consumer_poll, timed from the first message.
//! roundtrip: the floor under bench/run-fpm's persistent row: one handle kept
//! open, N times one message produced and flushed (what each web request does),
//! each round trip timed. Prints one JSON line.

use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_void};
use std::time::Instant;

use rdkafka_sys as rdsys;

/// `RD_KAFKA_PARTITION_UA` (a macro in rdkafka.h, so not in the bindings).
const PARTITION_UA: i32 = -1;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|arg| arg != "--bench").collect();
    let arg = |index: usize| args.get(index).cloned().unwrap_or_else(|| usage());
    let number = |index: usize| arg(index).parse::<usize>().unwrap_or_else(|_| usage());
    match arg(0).as_str() {
        "produce" => produce(&arg(1), &arg(2), number(3), number(4)),
        "consume" => consume(&arg(1), &arg(2), number(3)),
        "roundtrip" => roundtrip(&arg(1), &arg(2), number(3), number(4)),
        _ => usage(),
    }
}

fn usage() -> ! {
    eprintln!("usage: ceiling produce BROKERS TOPIC N SIZE | ceiling consume BROKERS TOPIC N | ceiling roundtrip BROKERS TOPIC N SIZE");
    std::process::exit(2)
}

fn c(text: &str) -> CString {
    CString::new(text).unwrap_or_else(|_| usage())
}

fn conf(settings: &[(&str, &str)]) -> *mut rdsys::rd_kafka_conf_t {
    // SAFETY: a fresh conf; names, values and the error buffer outlive each call.
    unsafe {
        let conf = rdsys::rd_kafka_conf_new();
        let mut errstr = [0 as c_char; 512];
        for (name, value) in settings {
            let result = rdsys::rd_kafka_conf_set(conf, c(name).as_ptr(), c(value).as_ptr(), errstr.as_mut_ptr(), errstr.len());
            if result != rdsys::rd_kafka_conf_res_t::RD_KAFKA_CONF_OK {
                eprintln!("{name}: {}", CStr::from_ptr(errstr.as_ptr()).to_string_lossy());
                std::process::exit(1);
            }
        }
        conf
    }
}

fn client(kind: rdsys::rd_kafka_type_t, conf: *mut rdsys::rd_kafka_conf_t) -> *mut rdsys::rd_kafka_t {
    let mut errstr = [0 as c_char; 512];
    // SAFETY: conf is valid and handed over on success.
    let rk = unsafe { rdsys::rd_kafka_new(kind, conf, errstr.as_mut_ptr(), errstr.len()) };
    if rk.is_null() {
        // SAFETY: librdkafka wrote a NUL-terminated message.
        eprintln!("rd_kafka_new: {}", unsafe { CStr::from_ptr(errstr.as_ptr()) }.to_string_lossy());
        std::process::exit(1);
    }
    rk
}

fn peak_rss_kib() -> i64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(-1)
}

fn report(row: &str, messages: usize, seconds: f64, size: usize) {
    let seconds = seconds.max(1e-9);
    println!(
        "{{\"row\":\"{row}\",\"messages\":{messages},\"seconds\":{seconds:.4},\"msgs_per_s\":{:.0},\"mb_per_s\":{:.1},\"rss_peak_kib\":{}}}",
        messages as f64 / seconds,
        (messages * size) as f64 / seconds / 1e6,
        peak_rss_kib()
    );
}

/// One message with a copied payload, no key, to the partitioner's choice (as the
/// extension's `produce(RD_KAFKA_PARTITION_UA, 0, $payload)`); librdkafka's result.
///
/// # Safety
/// `rkt` must be a live topic handle.
unsafe fn produce_copy(rkt: *mut rdsys::rd_kafka_topic_t, payload: &[u8]) -> i32 {
    // SAFETY: rkt is live (the caller's promise); librdkafka copies the payload before returning.
    unsafe {
        rdsys::rd_kafka_produce(
            rkt,
            PARTITION_UA,
            rdsys::RD_KAFKA_MSG_F_COPY,
            payload.as_ptr().cast_mut().cast::<c_void>(),
            payload.len(),
            std::ptr::null(),
            0,
            std::ptr::null_mut(),
        )
    }
}

fn produce(brokers: &str, topic: &str, count: usize, size: usize) {
    let conf = conf(&[("metadata.broker.list", brokers)]);
    // Without a delivery report callback librdkafka's broker thread frees each
    // delivered message itself, memory the producing thread allocated: on the
    // 2-core bench machine that ran 1.06-1.13 M msgs/s against 1.39-1.77 M with
    // the callback (three paired runs), below the PHP rows it is the ceiling of.
    // SAFETY: conf is a fresh configuration; the callback is a plain function.
    unsafe { rdsys::rd_kafka_conf_set_dr_msg_cb(conf, Some(ignore_report)) };
    let rk = client(rdsys::rd_kafka_type_t::RD_KAFKA_PRODUCER, conf);
    // SAFETY: rk is live; the topic handle is released before the client.
    unsafe {
        let rkt = rdsys::rd_kafka_topic_new(rk, c(topic).as_ptr(), std::ptr::null_mut());
        let payload = vec![b'x'; size];
        let started = Instant::now();
        for _ in 0..count {
            while produce_copy(rkt, &payload) != 0
            {
                rdsys::rd_kafka_poll(rk, 1);
            }
            rdsys::rd_kafka_poll(rk, 0);
        }
        while rdsys::rd_kafka_outq_len(rk) > 0 {
            rdsys::rd_kafka_poll(rk, 50);
        }
        report("ceiling-produce", count, started.elapsed().as_secs_f64(), size);
        rdsys::rd_kafka_topic_destroy(rkt);
        rdsys::rd_kafka_destroy(rk);
    }
}

fn consume(brokers: &str, topic: &str, count: usize) {
    let group = format!("ceiling-{}", std::process::id());
    let settings = [
        ("metadata.broker.list", brokers),
        ("group.id", group.as_str()),
        ("auto.offset.reset", "earliest"),
        // The extension's consumer defaults, so both read with the same prefetch.
        ("queued.max.messages.kbytes", "4096"),
        ("fetch.queue.backoff.ms", "10"),
    ];
    let rk = client(rdsys::rd_kafka_type_t::RD_KAFKA_CONSUMER, conf(&settings));
    // SAFETY: rk is live; every message is destroyed after reading it.
    unsafe {
        rdsys::rd_kafka_poll_set_consumer(rk);
        let list = rdsys::rd_kafka_topic_partition_list_new(1);
        rdsys::rd_kafka_topic_partition_list_add(list, c(topic).as_ptr(), PARTITION_UA);
        rdsys::rd_kafka_subscribe(rk, list);
        rdsys::rd_kafka_topic_partition_list_destroy(list);
        let mut received = 0;
        let mut bytes = 0;
        let mut started: Option<Instant> = None;
        let mut last_message = Instant::now();
        // 30 s for the group join, then 5 s without a message ends the run (as consume.php).
        let patience = |started: Option<Instant>| if started.is_some() { 5 } else { 30 };
        while received < count && last_message.elapsed().as_secs() < patience(started) {
            let message = rdsys::rd_kafka_consumer_poll(rk, 1000);
            if message.is_null() {
                continue;
            }
            if (*message).err == rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                started.get_or_insert_with(Instant::now);
                last_message = Instant::now();
                received += 1;
                bytes += (*message).len;
            }
            rdsys::rd_kafka_message_destroy(message);
        }
        // Timed from the first message to the last, as consume.php.
        let seconds = started.map_or(0.0, |started| last_message.duration_since(started).as_secs_f64());
        report("ceiling-consume", received, seconds, bytes.checked_div(received).unwrap_or(0));
        rdsys::rd_kafka_consumer_close(rk);
        rdsys::rd_kafka_destroy(rk);
    }
}

/// The delivery report callback of the produce and roundtrip workloads. Without
/// one, librdkafka sends no report to the main queue: flush() would find out only
/// by waking every 10 ms, and the broker thread frees the messages (see `produce`).
unsafe extern "C" fn ignore_report(_: *mut rdsys::rd_kafka_t, _: *const rdsys::rd_kafka_message_t, _: *mut c_void) {}

fn roundtrip(brokers: &str, topic: &str, count: usize, size: usize) {
    let conf = conf(&[("metadata.broker.list", brokers)]);
    // SAFETY: conf is a fresh configuration; the callback is a plain function.
    unsafe { rdsys::rd_kafka_conf_set_dr_msg_cb(conf, Some(ignore_report)) };
    let rk = client(rdsys::rd_kafka_type_t::RD_KAFKA_PRODUCER, conf);
    let mut microseconds = Vec::with_capacity(count);
    // SAFETY: rk is live; the topic handle is released before the client.
    unsafe {
        let rkt = rdsys::rd_kafka_topic_new(rk, c(topic).as_ptr(), std::ptr::null_mut());
        let payload = vec![b'x'; size];
        // The first round trip connects and fetches metadata, as a worker's first request does.
        for round in 0..=count {
            let started = Instant::now();
            let produced = produce_copy(rkt, &payload);
            let flushed = rdsys::rd_kafka_flush(rk, 5000);
            if produced != 0 || flushed != rdsys::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
                eprintln!("roundtrip {round}: produce {produced}, flush {flushed:?}");
                std::process::exit(1);
            }
            if round > 0 {
                microseconds.push(started.elapsed().as_secs_f64() * 1e6);
            }
        }
        rdsys::rd_kafka_topic_destroy(rkt);
        rdsys::rd_kafka_destroy(rk);
    }
    // Every round trip, in order, so that bench/fpm.php can pool them with its rows'.
    let listed: Vec<String> = microseconds.iter().map(|us| format!("{us:.1}")).collect();
    microseconds.sort_by(f64::total_cmp);
    let at = |quantile: f64| microseconds.get(((microseconds.len() as f64 * quantile) as usize).min(microseconds.len().saturating_sub(1))).copied().unwrap_or(0.0);
    println!(
        "{{\"row\":\"ceiling-roundtrip\",\"round_trips\":{},\"p50_us\":{:.1},\"p99_us\":{:.1},\"microseconds\":[{}]}}",
        microseconds.len(),
        at(0.5),
        at(0.99),
        listed.join(",")
    );
}
