--TEST--
Producer with rdkafka_rs.persistent: the handle is parked at the producer's end and taken by the next producer of the same id, configuration and callback set; per-request callbacks and reports; the pool bound; transactional.id refused; undelivered messages reported
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic_name = unique_name('persistent');
[$brokers, $cluster] = test_brokers([$topic_name => 2]);

function persistent_conf(string $brokers, string $id, array $settings = []): RdKafka\Conf
{
    $conf = producer_conf($brokers);
    $conf->set('rdkafka_rs.persistent', $id);
    foreach ($settings as $name => $value) {
        $conf->set($name, $value);
    }
    return $conf;
}
function persistent_stats(): string
{
    $stats = RdKafka\Engine::stats();
    return sprintf('live %d, parked %d, created %d, reused %d', $stats['persistent_producers'], $stats['persistent_parked'], $stats['persistent_created'], $stats['persistent_reused']);
}
function produce_one(RdKafka\Producer $producer, string $topic, string $payload, bool $flush = true): void
{
    // Partition 0: a real broker may auto-create the topic with other partition counts.
    $producer->newTopic($topic)->produce(0, 0, $payload, $payload, $payload);
    if ($flush) {
        $producer->flush(5000);
    }
}

echo "dump: ", persistent_conf($brokers, 'web')->dump()['rdkafka_rs.persistent'], "\n";

echo "--- the same configuration reuses the handle\n";
for ($i = 0; $i < 3; $i++) {
    $producer = new RdKafka\Producer(persistent_conf($brokers, 'web'));
    produce_one($producer, $topic_name, "same-$i");
    unset($producer);
    echo persistent_stats(), "\n";
}

echo "--- another configuration, id or callback set gets a handle of its own\n";
$producer = new RdKafka\Producer(persistent_conf($brokers, 'web', ['client.id' => 'other']));
unset($producer);
$producer = new RdKafka\Producer(persistent_conf($brokers, 'api'));
unset($producer);
echo persistent_stats(), "\n";
$persistent_with_callback = function (callable $callback) use ($brokers): RdKafka\Producer {
    $conf = persistent_conf($brokers, 'web');
    $conf->setDrMsgCb($callback);
    return new RdKafka\Producer($conf);
};
$reports = [];
$producer = $persistent_with_callback(function ($kafka, $message) use (&$reports) { $reports[] = "first callback: $message->opaque"; });
produce_one($producer, $topic_name, 'cb-1');
unset($producer);
echo persistent_stats(), "\n";

echo "--- each producer runs its own callback and sees only its own reports\n";
ini_set('rdkafka_rs.request_flush_ms', '0'); // leave the message in flight on the parked handle
$producer = $persistent_with_callback(function ($kafka, $message) use (&$reports) { $reports[] = "second callback: $message->opaque"; });
produce_one($producer, $topic_name, 'left-in-flight', false);
unset($producer);
$producer = $persistent_with_callback(function ($kafka, $message) use (&$reports) { $reports[] = "third callback: $message->opaque"; });
echo "in flight from the earlier producer: ", $producer->getOutQLen(), "\n";
produce_one($producer, $topic_name, 'cb-3');
unset($producer);
ini_restore('rdkafka_rs.request_flush_ms');
echo implode("\n", $reports), "\n", persistent_stats(), "\n";

echo "--- without an id, nothing is persistent\n";
$producer = new RdKafka\Producer(persistent_conf($brokers, ''));
unset($producer);
echo persistent_stats(), "\n";

echo "--- at most rdkafka_rs.max_persistent_producers are parked\n";
ini_set('rdkafka_rs.max_persistent_producers', '4');
$many = [];
for ($i = 0; $i < 6; $i++) {
    $many[] = new RdKafka\Producer(persistent_conf($brokers, 'burst'));
}
$many = [];
echo persistent_stats(), "\n";

echo "--- refused\n";
try {
    new RdKafka\Producer(persistent_conf($brokers, 'tx', ['transactional.id' => 'tx-1']));
} catch (RdKafka\Exception $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}

echo "--- a message that fails during the producer's end is reported\n";
// librdkafka looks for timed-out messages once a second: the request flush outlasts that.
ini_set('rdkafka_rs.request_flush_ms', '3000');
$unreachable = persistent_conf('127.0.0.1:1', 'unreachable', ['message.timeout.ms' => '300', 'log_level' => '0']);
$producer = new RdKafka\Producer($unreachable);
produce_one($producer, $topic_name, 'doomed', false);
unset($producer);
ini_restore('rdkafka_rs.request_flush_ms');

echo "--- delivered: ";
$delivered = count_by_key($brokers, $topic_name, 1, 6);
echo implode(', ', array_keys($delivered)), "\n";
?>
--EXPECTF--
dump: web
--- the same configuration reuses the handle
live 1, parked 1, created 1, reused 0
live 1, parked 1, created 1, reused 1
live 1, parked 1, created 1, reused 2
--- another configuration, id or callback set gets a handle of its own
live 3, parked 3, created 3, reused 2
live 4, parked 4, created 4, reused 2
--- each producer runs its own callback and sees only its own reports
in flight from the earlier producer: 1
first callback: cb-1
third callback: cb-3
live 4, parked 4, created 4, reused 4
--- without an id, nothing is persistent
live 4, parked 4, created 4, reused 4
--- at most rdkafka_rs.max_persistent_producers are parked
live 4, parked 4, created 10, reused 4
--- refused
RdKafka\Exception: rdkafka_rs.persistent="tx" cannot be used with transactional.id: a transaction must not outlive its request; remove one of the two
--- a message that fails during the producer's end is reported

Warning: RdKafka\Producer: 1 message(s) of this request could not be delivered (persistent producer, rdkafka_rs.request_flush_ms=3000); call flush() and check the delivery reports to handle failures in %s on line %d
--- delivered: cb-1, cb-3, left-in-flight, same-0, same-1, same-2
