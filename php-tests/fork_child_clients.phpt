--TEST--
pcntl_fork(): the child makes and uses its own Producer and KafkaConsumer (with an engine thread of its own), inherited clients (newTopic() included) fail with a clear error instead of hanging, the child exits promptly, and the parent goes on unaffected
--SKIPIF--
<?php if (!function_exists('pcntl_fork')) echo 'skip needs pcntl';
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic = unique_name('fork');
[$brokers, $cluster] = test_brokers([$topic => 1]);
$producer = new RdKafka\Producer(producer_conf($brokers));
$handle = $producer->newTopic($topic);
$handle->produce(0, 0, 'parent-before');
$producer->flush(5000);
$parentConsumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('parent')));
$parentConsumer->assign([new RdKafka\TopicPartition($topic, 0, RD_KAFKA_OFFSET_BEGINNING)]);
// Fork once the parent's clients are connected: a fork while one of librdkafka's
// threads is inside getaddrinfo() leaves glibc's lock held in the child (README).
$parentSaw = consume_n($parentConsumer, 1);

$started = microtime(true);
$pid = pcntl_fork();
if ($pid === 0) {
    $own = new RdKafka\Producer(producer_conf($brokers));
    $own->newTopic($topic)->produce(0, 0, 'child');
    // Not flushed: the child's engine thread and the flush at exit deliver it.
    $consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('child')));
    $consumer->assign([new RdKafka\TopicPartition($topic, 0, RD_KAFKA_OFFSET_BEGINNING)]);
    echo "child consumed: ", consume_n($consumer, 1)[0]->payload ?? 'nothing', "\n";
    foreach ([fn () => $handle->produce(0, 0, 'inherited'), fn () => $producer->newTopic($topic), fn () => $parentConsumer->consume(100), fn () => $producer->flush(100)] as $call) {
        try {
            $result = $call();
            echo "inherited client: returned ", var_export($result, true), "\n";
        } catch (RdKafka\Exception $e) {
            echo "inherited client: ", $e->getCode(), ' ', $e->getMessage(), "\n";
        }
    }
    exit(0);
}
pcntl_waitpid($pid, $status);
echo "child exit status: ", pcntl_wexitstatus($status), ", within 10 s: ", microtime(true) - $started < 10 ? 'yes' : 'no', "\n";
$handle->produce(0, 0, 'parent-after');
echo "parent flush: ", $producer->flush(5000), "\n";
$parentSaw = array_merge($parentSaw, consume_n($parentConsumer, 2));
echo "parent consumed: ", implode(' ', array_map(fn ($m) => $m->payload, $parentSaw)), "\n";
$parentConsumer->close();
?>
--EXPECT--
child consumed: parent-before
inherited client: -172 This client was created before pcntl_fork() in the parent process and cannot be used in the child: create a new one in the child
inherited client: -172 This client was created before pcntl_fork() in the parent process and cannot be used in the child: create a new one in the child
inherited client: -172 This client was created before pcntl_fork() in the parent process and cannot be used in the child: create a new one in the child
inherited client: returned -172
child exit status: 0, within 10 s: yes
parent flush: 0
parent consumed: parent-before child parent-after
