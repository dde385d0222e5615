--TEST--
Message: can be created from PHP, shows its public properties in var_dump, errstr() describes err
--FILE--
<?php
$message = new RdKafka\Message();
var_dump(array_keys(get_object_vars($message)));
var_dump($message->errstr());
$message->err = RD_KAFKA_RESP_ERR__PARTITION_EOF;
var_dump($message->errstr());
$message->payload = 'kept';
var_dump($message->payload);
?>
--EXPECT--
array(10) {
  [0]=>
  string(3) "err"
  [1]=>
  string(10) "topic_name"
  [2]=>
  string(9) "timestamp"
  [3]=>
  string(9) "partition"
  [4]=>
  string(7) "payload"
  [5]=>
  string(3) "len"
  [6]=>
  string(3) "key"
  [7]=>
  string(6) "offset"
  [8]=>
  string(7) "headers"
  [9]=>
  string(6) "opaque"
}
NULL
string(24) "Broker: No more messages"
string(4) "kept"
