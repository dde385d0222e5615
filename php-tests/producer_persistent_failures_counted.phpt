--TEST--
Producer with rdkafka_rs.persistent: messages that fail while the handle shuts down or parks are reported, whichever request they belong to: at the process end, when the pool is full, after a fatal error in a request that took a parked handle, and with rdkafka_rs.request_flush_ms=0 for failures already reported during the request (on the channel or still in librdkafka's queue); an earlier request's messages that fail, or that a later request purges, are counted as failed after their request even when the handle is not parked again
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
// An unreachable broker: every message fails when message.timeout.ms runs out.
$conf = <<<'PHP'
<?php
function persistent_conf(string $timeout_ms): RdKafka\Conf {
    $conf = new RdKafka\Conf();
    $conf->set('metadata.broker.list', '127.0.0.1:1');
    $conf->set('rdkafka_rs.persistent', 'worker');
    $conf->set('message.timeout.ms', $timeout_ms);
    $conf->set('log_level', '0');
    return $conf;
}
function produce_ten(RdKafka\Producer $producer): void {
    $topic = $producer->newTopic('t');
    for ($i = 0; $i < 10; $i++) {
        $topic->produce(0, 0, "m$i");
    }
}

PHP;
$show = function (string $label, array $result) {
    [$status, $out, $err] = $result;
    $out = trim(preg_replace('/ in \S+ on line \d+/', '', $out));
    echo "$label: exit $status\n", $out === '' ? '' : "$out\n", trim($err) === '' ? '' : "stderr: " . trim($err) . "\n";
};

// 1. Parked with messages in flight; they time out during the module shutdown's flush.
$show('process end', run_php($conf . <<<'PHP'
$producer = new RdKafka\Producer(persistent_conf('800'));
produce_ten($producer);
unset($producer);
echo "parked with ", RdKafka\Engine::stats()['persistent_in_flight'], " in flight\n";
PHP, ['rdkafka_rs.request_flush_ms' => '0', 'rdkafka_rs.shutdown_flush_ms' => '3000']));

// 2. The pool is full, so the handle shuts down after the request flush; they time out then.
$show('pool full', run_php($conf . <<<'PHP'
$producer = new RdKafka\Producer(persistent_conf('800'));
produce_ten($producer);
unset($producer);
echo "failed after request: ", RdKafka\Engine::stats()['persistent_failed_after_request'], "\n";
PHP, ['rdkafka_rs.request_flush_ms' => '100', 'rdkafka_rs.max_persistent_producers' => '0', 'rdkafka_rs.shutdown_flush_ms' => '3000']));

// 3. A request takes the handle an earlier one parked with 10 in flight, then dies of a
// fatal error: its producer shuts down, and the earlier request's messages time out then.
$show('fatal error after taking a parked handle', run_php($conf . <<<'PHP'
$producer = new RdKafka\Producer(persistent_conf('1500'));
produce_ten($producer);
unset($producer);
$producer = new RdKafka\Producer(persistent_conf('1500'));
echo "taken with ", $producer->getOutQLen(), " in flight\n";
trigger_error('the request dies', E_USER_ERROR);
PHP, ['rdkafka_rs.request_flush_ms' => '0', 'rdkafka_rs.shutdown_flush_ms' => '3000', 'display_errors' => 'stdout']));

// 4. request_flush_ms=0 and a dr_msg_cb the script never polls for: the failures
// reported during the request are still this request's when it ends.
$show('request_flush_ms=0', run_php($conf . <<<'PHP'
$conf = persistent_conf('200');
$conf->setDrMsgCb(function ($producer, $message) { echo "the callback ran\n"; });
$producer = new RdKafka\Producer($conf);
produce_ten($producer);
sleep(2); // librdkafka looks for timed-out messages once a second
unset($producer);
echo "failed after request: ", RdKafka\Engine::stats()['persistent_failed_after_request'], "\n";
PHP, ['rdkafka_rs.request_flush_ms' => '0']));

// 5. Like 4, but the script keeps producing, so the failure reports stay in librdkafka's queue.
$show('request_flush_ms=0, still producing', run_php($conf . <<<'PHP'
$conf = persistent_conf('200');
$conf->setDrMsgCb(function ($producer, $message) { echo "the callback ran\n"; });
$long = new RdKafka\TopicConf();
$long->set('message.timeout.ms', '300000');
$producer = new RdKafka\Producer($conf);
produce_ten($producer);
$other = $producer->newTopic('other', $long);
for ($end = microtime(true) + 1.6; microtime(true) < $end; usleep(5000)) {
    $other->produce(0, 0, 'x');
}
unset($other, $producer);
echo "failed after request: ", RdKafka\Engine::stats()['persistent_failed_after_request'], "\n";
PHP, ['rdkafka_rs.request_flush_ms' => '0', 'rdkafka_rs.shutdown_flush_ms' => '0']));

// 6. A request takes the handle; the earlier request's messages fail meanwhile; then it dies.
$show('earlier messages fail, then a fatal error', run_php($conf . <<<'PHP'
$producer = new RdKafka\Producer(persistent_conf('500'));
produce_ten($producer);
unset($producer);
$producer = new RdKafka\Producer(persistent_conf('500'));
sleep(2); // librdkafka looks for timed-out messages once a second
echo "still in flight: ", $producer->getOutQLen(), "\n";
register_shutdown_function(function () {
    unset($GLOBALS['producer']);
    echo "failed after request: ", RdKafka\Engine::stats()['persistent_failed_after_request'], "\n";
});
trigger_error('the request dies', E_USER_ERROR);
PHP, ['rdkafka_rs.request_flush_ms' => '0', 'rdkafka_rs.shutdown_flush_ms' => '3000', 'display_errors' => 'stdout']));

// 7. A later request purges what the handle holds, an earlier request's messages included.
$show('a later request purges', run_php($conf . <<<'PHP'
$producer = new RdKafka\Producer(persistent_conf('300000'));
produce_ten($producer);
unset($producer);
$producer = new RdKafka\Producer(persistent_conf('300000'));
$producer->newTopic('t')->produce(0, 0, 'its own');
$producer->purge(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
echo "flush after the purge: ", $producer->flush(1000), "\n";
unset($producer);
echo "failed after request: ", RdKafka\Engine::stats()['persistent_failed_after_request'], "\n";
PHP, ['rdkafka_rs.request_flush_ms' => '0']));
?>
--EXPECT--
process end: exit 0
parked with 10 in flight
stderr: rdkafka-rs: 10 message(s) of persistent producers could not be delivered within rdkafka_rs.shutdown_flush_ms when the process ended, and are lost; raise rdkafka_rs.shutdown_flush_ms
pool full: exit 0
Warning: RdKafka\Producer: 10 message(s) of this request could not be delivered (persistent producer, rdkafka_rs.request_flush_ms=100); call flush() and check the delivery reports to handle failures
failed after request: 0
fatal error after taking a parked handle: exit 255
taken with 10 in flight

Fatal error: the request dies

Warning: RdKafka\Producer: 10 message(s) could not be delivered within rdkafka_rs.shutdown_flush_ms=3000 and are lost; call flush() before the producer goes away, or raise rdkafka_rs.shutdown_flush_ms
request_flush_ms=0: exit 0
Warning: RdKafka\Producer: 10 message(s) of this request could not be delivered (persistent producer, rdkafka_rs.request_flush_ms=0); call flush() and check the delivery reports to handle failures
failed after request: 0
request_flush_ms=0, still producing: exit 0
Warning: RdKafka\Producer: 10 message(s) of this request could not be delivered (persistent producer, rdkafka_rs.request_flush_ms=0); call flush() and check the delivery reports to handle failures
failed after request: 0
earlier messages fail, then a fatal error: exit 255
still in flight: 0

Fatal error: the request dies
failed after request: 10
a later request purges: exit 0
flush after the purge: 0
failed after request: 10
