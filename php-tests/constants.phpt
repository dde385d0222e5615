--TEST--
RD_KAFKA_* constants have librdkafka's values, with one RD_KAFKA_RESP_ERR_* per error table entry
--FILE--
<?php
var_dump(RD_KAFKA_PARTITION_UA, RD_KAFKA_OFFSET_BEGINNING, RD_KAFKA_OFFSET_END, RD_KAFKA_OFFSET_STORED);
var_dump(RD_KAFKA_PRODUCER, RD_KAFKA_CONSUMER, RD_KAFKA_MSG_F_BLOCK);
var_dump(RD_KAFKA_PURGE_F_QUEUE, RD_KAFKA_PURGE_F_INFLIGHT, RD_KAFKA_PURGE_F_NON_BLOCKING);
var_dump(RD_KAFKA_CONF_UNKNOWN, RD_KAFKA_CONF_INVALID, RD_KAFKA_CONF_OK);
var_dump(RD_KAFKA_MSG_PARTITIONER_RANDOM, RD_KAFKA_MSG_PARTITIONER_MURMUR2_RANDOM, RD_KAFKA_LOG_SYSLOG_PRINT);
var_dump(RD_KAFKA_RESP_ERR_NO_ERROR, RD_KAFKA_RESP_ERR__PARTITION_EOF, RD_KAFKA_RESP_ERR__TIMED_OUT,
    RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS, RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS);
var_dump(RD_KAFKA_VERSION === RD_KAFKA_BUILD_VERSION, RD_KAFKA_VERSION > 0x02000000);
$missing = 0;
foreach (rd_kafka_get_err_descs() as $desc) {
    if ($desc['name'] === null) {
        continue; // the table's hole that php-rdkafka lists for code 0 (without NO_ERROR)
    }
    $name = 'RD_KAFKA_RESP_ERR_' . $desc['name'];
    if (!defined($name) || constant($name) !== $desc['code']) {
        echo "missing or wrong: $name\n";
        $missing++;
    }
}
echo count(rd_kafka_get_err_descs()) > 100 ? "table complete\n" : "table short\n";
echo "$missing missing\n";
?>
--EXPECT--
int(-1)
int(-2)
int(-1)
int(-1000)
int(0)
int(1)
int(4)
int(1)
int(2)
int(4)
int(-2)
int(-1)
int(0)
int(2)
int(6)
int(102)
int(0)
int(-191)
int(-185)
int(-175)
int(-174)
bool(true)
bool(true)
table complete
0 missing
