--TEST--
rd_kafka_* functions answer as librdkafka does, and rd_kafka_get_err_descs() lists the table as php-rdkafka does
--FILE--
<?php
var_dump(rd_kafka_err2str(RD_KAFKA_RESP_ERR__TIMED_OUT));
var_dump(rd_kafka_err2name(RD_KAFKA_RESP_ERR__PARTITION_EOF));
var_dump(rd_kafka_err2str(0));
var_dump(rd_kafka_offset_tail(5));
var_dump(rd_kafka_errno2err(110) === RD_KAFKA_RESP_ERR__TIMED_OUT);
var_dump(is_int(rd_kafka_errno()));
var_dump(is_int(rd_kafka_thread_cnt()));
$first = rd_kafka_get_err_descs()[0];
var_dump(array_keys($first));
// As php-rdkafka lists it: librdkafka's table in order, of its code-0 entries only the
// first (a hole: null name and description), null where librdkafka has no text.
$byCode = array_column(rd_kafka_get_err_descs(), null, 'code');
echo json_encode([$byCode[0], $byCode[-200]]), "\n";
var_dump(in_array('NO_ERROR', array_column(rd_kafka_get_err_descs(), 'name'), true));
try {
    rd_kafka_err2str("nope");
} catch (TypeError $e) {
    echo "TypeError\n";
}
?>
--EXPECTF--
string(16) "Local: Timed out"
string(14) "_PARTITION_EOF"
string(7) "Success"
int(-2005)

Deprecated: Function rd_kafka_errno2err() is deprecated in %s on line 6
bool(true)

Deprecated: Function rd_kafka_errno() is deprecated in %s on line 7
bool(true)
bool(true)
array(3) {
  [0]=>
  string(4) "code"
  [1]=>
  string(4) "name"
  [2]=>
  string(4) "desc"
}
[{"code":0,"name":null,"desc":null},{"code":-200,"name":"_BEGIN","desc":null}]
bool(false)
TypeError
