--TEST--
Broker faults are reported, never silent: a non-retriable Produce error fails exactly the messages it hit; with every broker down past message.timeout.ms each message is reported failed and error_cb fires; the producer works again once the brokers are back
--SKIPIF--
<?php if (getenv('TEST_KAFKA_BROKERS')) echo 'skip needs the mock cluster for fault injection';
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic = unique_name('faults');
$cluster = new RdKafka\Mock\Cluster(1);
$cluster->createTopic($topic, 1);
$brokers = $cluster->getBootstraps();

$conf = producer_conf($brokers);
$conf->set('message.timeout.ms', '1500');
$conf->set('reconnect.backoff.max.ms', '200'); // reconnect soon after the broker is back
$conf->set('log_level', '2'); // connection failures are expected here
$reports = [];
$conf->setDrMsgCb(function ($producer, $message) use (&$reports) {
    $reports[] = $message->payload . ($message->err ? ':' . rd_kafka_err2name($message->err) : '');
});
$errors = [];
$conf->setErrorCb(function ($producer, $err, $reason) use (&$errors) {
    $errors[rd_kafka_err2name($err)] = true;
});
$producer = new RdKafka\Producer($conf);
$handle = $producer->newTopic($topic);

// One message per request (each is flushed), so an injected error hits exactly one.
for ($i = 0; $i < 8; $i++) {
    if ($i === 3 || $i === 6) {
        $cluster->pushRequestErrors(0, [RD_KAFKA_RESP_ERR_INVALID_RECORD]);
    }
    $handle->produce(0, 0, "m$i");
    $producer->flush(5000);
}
echo "reports: ", implode(' ', $reports), "\n";

$reports = [];
$cluster->setBrokerDown(1);
for ($i = 0; $i < 5; $i++) {
    $handle->produce(0, 0, "down$i");
}
echo "flush with the broker down: ", $producer->flush(10000) === RD_KAFKA_RESP_ERR_NO_ERROR ? 'returned (every message reported)' : 'timed out', "\n";
echo "reports: ", implode(' ', $reports), "\n";
ksort($errors);
echo "error_cb saw: ", implode(', ', array_keys($errors)), "\n";
echo "getOutQLen: ", $producer->getOutQLen(), "\n";

$reports = [];
$cluster->setBrokerUp(1);
$handle->produce(0, 0, 'after');
$producer->flush(10000);
echo "reports: ", implode(' ', $reports), "\n";

$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('check')));
$consumer->assign([new RdKafka\TopicPartition($topic, 0, RD_KAFKA_OFFSET_BEGINNING)]);
echo "in the topic: ", implode(' ', array_map(fn ($m) => $m->payload, consume_n($consumer, 7, 10))), "\n";
$consumer->close();
?>
--EXPECT--
reports: m0 m1 m2 m3:INVALID_RECORD m4 m5 m6:INVALID_RECORD m7
flush with the broker down: returned (every message reported)
reports: down0:_MSG_TIMED_OUT down1:_MSG_TIMED_OUT down2:_MSG_TIMED_OUT down3:_MSG_TIMED_OUT down4:_MSG_TIMED_OUT
error_cb saw: _ALL_BROKERS_DOWN, _TRANSPORT
getOutQLen: 0
reports: after
in the topic: m0 m1 m2 m4 m5 m7 after
