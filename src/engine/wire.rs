//! Error codes as the plain C ints they are. rdkafka-sys declares
//! `rd_kafka_resp_err_t` (and other librdkafka enums) as Rust enums, but a
//! broker may send a code this librdkafka's enum lacks (newer Kafka versions
//! add codes, and librdkafka passes them through), and holding such a value
//! in a Rust enum is undefined behaviour even if it is cast to `i32` at once.
//! So wherever a code can come from a broker it is read here, as an int:
//! struct fields through `code_at`, function results through the
//! int-returning declarations below. Codes that only librdkafka itself
//! produces keep rdkafka-sys's declarations.

use std::os::raw::{c_char, c_int, c_void};

use rdkafka_sys as rdsys;

/// The error code in an `err` field of a librdkafka struct, as the C int it is.
///
/// # Safety
/// `field` must point at a readable `err` field; take it with
/// `std::ptr::addr_of!((*ptr).err)`, never through a reference to the struct.
pub(crate) unsafe fn code_at(field: *const rdsys::rd_kafka_resp_err_t) -> i32 {
    // SAFETY: per the contract; the C enum is an int, so any code a broker sent is a valid i32.
    unsafe { field.cast::<i32>().read() }
}

/// Pointers to the `count` elements of a C array (none for NULL or a
/// non-positive count): elements holding an error code are read through
/// these, never borrowed as Rust structs.
///
/// # Safety
/// When `items` is not NULL it must point at `count` elements that stay live while the pointers are used.
pub(crate) unsafe fn elements<T>(items: *const T, count: i32) -> impl Iterator<Item = *const T> {
    let count = if items.is_null() { 0 } else { usize::try_from(count).unwrap_or(0) };
    // SAFETY: index < count, within the array (per the contract).
    (0..count).map(move |index| unsafe { items.add(index) })
}

/// What rdkafka-sys's `rd_kafka_conf_set_offset_commit_cb` takes, with the
/// commit's error code (a broker's) as an int.
pub(crate) type OffsetCommitCallback =
    unsafe extern "C" fn(rk: *mut rdsys::rd_kafka_t, err: c_int, offsets: *mut rdsys::rd_kafka_topic_partition_list_t, opaque: *mut c_void);

extern "C" {
    // librdkafka's own lookups take any int, so codes that came from PHP never become the enum either.
    #[link_name = "rd_kafka_err2str"]
    pub(crate) fn err2str(err: c_int) -> *const c_char;
    #[link_name = "rd_kafka_err2name"]
    pub(crate) fn err2name(err: c_int) -> *const c_char;

    #[link_name = "rd_kafka_error_code"]
    pub(crate) fn error_code(error: *const rdsys::rd_kafka_error_t) -> c_int;
    #[link_name = "rd_kafka_last_error"]
    pub(crate) fn last_error() -> c_int;
    #[link_name = "rd_kafka_event_error"]
    pub(crate) fn event_error(event: *mut rdsys::rd_kafka_event_t) -> c_int;
    #[link_name = "rd_kafka_topic_result_error"]
    pub(crate) fn topic_result_error(result: *const rdsys::rd_kafka_topic_result_t) -> c_int;
    #[link_name = "rd_kafka_ConfigResource_error"]
    pub(crate) fn config_resource_error(config: *const rdsys::rd_kafka_ConfigResource_t) -> c_int;
    #[link_name = "rd_kafka_ConfigEntry_source"]
    pub(crate) fn config_entry_source(entry: *const rdsys::rd_kafka_ConfigEntry_t) -> c_int;

    #[link_name = "rd_kafka_commit"]
    pub(crate) fn commit(rk: *mut rdsys::rd_kafka_t, offsets: *const rdsys::rd_kafka_topic_partition_list_t, asynchronous: c_int) -> c_int;
    #[link_name = "rd_kafka_committed"]
    pub(crate) fn committed(rk: *mut rdsys::rd_kafka_t, partitions: *mut rdsys::rd_kafka_topic_partition_list_t, timeout_ms: c_int) -> c_int;
    #[link_name = "rd_kafka_offsets_for_times"]
    pub(crate) fn offsets_for_times(rk: *mut rdsys::rd_kafka_t, offsets: *mut rdsys::rd_kafka_topic_partition_list_t, timeout_ms: c_int) -> c_int;
    #[link_name = "rd_kafka_query_watermark_offsets"]
    pub(crate) fn query_watermark_offsets(
        rk: *mut rdsys::rd_kafka_t,
        topic: *const c_char,
        partition: i32,
        low: *mut i64,
        high: *mut i64,
        timeout_ms: c_int,
    ) -> c_int;
    #[link_name = "rd_kafka_metadata"]
    pub(crate) fn metadata(
        rk: *mut rdsys::rd_kafka_t,
        all_topics: c_int,
        only_rkt: *mut rdsys::rd_kafka_topic_t,
        metadata: *mut *const rdsys::rd_kafka_metadata,
        timeout_ms: c_int,
    ) -> c_int;

    #[link_name = "rd_kafka_conf_set_offset_commit_cb"]
    pub(crate) fn conf_set_offset_commit_cb(conf: *mut rdsys::rd_kafka_conf_t, callback: Option<OffsetCommitCallback>);
}

/// A zeroed message whose `err` holds `code` as an int, as a broker's error
/// the enum lacks would; never to be read as a Rust struct.
#[cfg(test)]
pub(crate) fn message_with_code(code: i32) -> std::mem::MaybeUninit<rdsys::rd_kafka_message_t> {
    let mut message = std::mem::MaybeUninit::<rdsys::rd_kafka_message_t>::zeroed();
    // SAFETY: the field lies inside `message`; it is written as an int, never as the enum.
    unsafe { std::ptr::addr_of_mut!((*message.as_mut_ptr()).err).cast::<i32>().write(code) };
    message
}

#[cfg(test)]
mod tests {
    use std::ptr::addr_of;

    use super::*;

    #[test]
    fn an_error_code_the_enum_lacks_is_read_as_it_is() {
        let message = message_with_code(9999);
        // SAFETY: the field lies inside `message`, which holds an int there.
        assert_eq!(unsafe { code_at(addr_of!((*message.as_ptr()).err)) }, 9999);
    }

    #[test]
    fn elements_of_a_null_or_empty_array_are_none() {
        let values = [1_i32, 2, 3];
        // SAFETY: `values` holds 3 elements; NULL and non-positive counts yield nothing.
        unsafe {
            assert_eq!(elements(values.as_ptr(), 3).map(|item| *item).collect::<Vec<_>>(), vec![1, 2, 3]);
            assert_eq!(elements(values.as_ptr(), -1).count(), 0);
            assert_eq!(elements(std::ptr::null::<i32>(), 3).count(), 0);
        }
    }
}
