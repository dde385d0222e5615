--TEST--
Producer: flush() times out while no broker answers; purge() fails the queued messages, reported to the dr_msg_cb
--FILE--
<?php
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', '127.0.0.1:1');
$conf->set('log_level', '0');
$errors = [];
$conf->setDrMsgCb(function ($kafka, $message) use (&$errors) {
    $errors[] = rd_kafka_err2name($message->err);
});
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic('unreachable');
for ($i = 0; $i < 3; $i++) {
    $topic->produce(RD_KAFKA_PARTITION_UA, 0, "m$i");
}
var_dump($producer->flush(200) === RD_KAFKA_RESP_ERR__TIMED_OUT);
var_dump($producer->getOutQLen());
var_dump($producer->purge(RD_KAFKA_PURGE_F_QUEUE));
var_dump($producer->flush(5000));
var_dump($errors);
?>
--EXPECT--
bool(true)
int(3)
int(0)
int(0)
array(3) {
  [0]=>
  string(12) "_PURGE_QUEUE"
  [1]=>
  string(12) "_PURGE_QUEUE"
  [2]=>
  string(12) "_PURGE_QUEUE"
}
