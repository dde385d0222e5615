--TEST--
Producer: a fatal error in dr_msg_cb ends the script as PHP does, and the reports still waiting in librdkafka are served at shutdown: no warning of lost messages for messages that were delivered (the error used to jump through librdkafka's frames and abandon them)
--INI--
rdkafka_rs.shutdown_flush_ms=3000
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic_name = unique_name('fatalcb');
[$brokers, $cluster] = test_brokers([$topic_name => 1]);
$conf = producer_conf($brokers);
// After the fatal error PHP frees the mock cluster before the producer, which
// would log the lost connection.
$conf->set('log_level', '0');
// One batch: the ten reports arrive together, so the error interrupts a batch.
$conf->set('linger.ms', '100');
$conf->setDrMsgCb(function (RdKafka\Producer $producer, RdKafka\Message $message) {
    echo "report {$message->payload}\n";
    if ($message->payload === 'm2') {
        trigger_error('fatal in the callback', E_USER_ERROR);
    }
});
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic($topic_name);
for ($i = 0; $i < 10; $i++) {
    $topic->produce(0, 0, "m$i");
}
register_shutdown_function(function () {
    echo "shutdown function runs\n";
});
$deadline = microtime(true) + 10;
while (microtime(true) < $deadline) {
    $producer->poll(100);
}
echo "not reached\n";
?>
--EXPECTF--
report m0
report m1
report m2

Fatal error: fatal in the callback in %s on line %d
shutdown function runs
