--TEST--
Producer with rdkafka_rs.persistent and pcntl_fork(): a child never takes the parent's parked handle (its pool starts empty), its own persistent producer works, and the parent keeps reusing its handle
--SKIPIF--
<?php if (!function_exists('pcntl_fork')) echo 'skip needs pcntl';
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic = unique_name('persistent-fork');
[$brokers, $cluster] = test_brokers([$topic => 1]);
function persistent_producer(string $brokers): RdKafka\Producer
{
    $conf = producer_conf($brokers);
    $conf->set('rdkafka_rs.persistent', 'worker');
    return new RdKafka\Producer($conf);
}
function summary(): string
{
    $stats = RdKafka\Engine::stats();
    return "created {$stats['persistent_created']}, reused {$stats['persistent_reused']}, parked {$stats['persistent_parked']}";
}
$producer = persistent_producer($brokers);
$producer->newTopic($topic)->produce(0, 0, 'parent-1', 'parent-1');
$producer->flush(5000);
unset($producer); // parked, connected
echo "parent before fork: ", summary(), "\n";

$pid = pcntl_fork();
if ($pid === 0) {
    echo "child at start: ", summary(), "\n";
    $producer = persistent_producer($brokers);
    $producer->newTopic($topic)->produce(0, 0, 'child', 'child');
    echo "child flush: ", $producer->flush(5000) === RD_KAFKA_RESP_ERR_NO_ERROR ? 'delivered' : 'failed', "\n";
    unset($producer);
    echo "child after: ", summary(), "\n";
    exit(0);
}
pcntl_waitpid($pid, $status);
$producer = persistent_producer($brokers);
$producer->newTopic($topic)->produce(0, 0, 'parent-2', 'parent-2');
echo "parent flush: ", $producer->flush(5000) === RD_KAFKA_RESP_ERR_NO_ERROR ? 'delivered' : 'failed', "\n";
unset($producer);
echo "parent after: ", summary(), "\n";
print_r(count_by_key($brokers, $topic, 1, 3));
?>
--EXPECT--
parent before fork: created 1, reused 0, parked 1
child at start: created 1, reused 0, parked 0
child flush: delivered
child after: created 2, reused 0, parked 1
parent flush: delivered
parent after: created 1, reused 1, parked 1
Array
(
    [child] => 1
    [parent-1] => 1
    [parent-2] => 1
)
