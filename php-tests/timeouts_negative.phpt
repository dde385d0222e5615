--TEST--
A negative timeout other than -1 (a script's "time left until my deadline" that went below zero) does not wait, as in librdkafka and php-rdkafka: every call that waits returns at once with its timed-out answer (before, each waited forever); -1 still means "as long as it takes" for a call that has something to wait for
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('negative');
[$brokers, $cluster] = test_brokers([$topicName => 2]);

// A call that waits forever ends the test with a line naming it, not run-tests' timeout.
pcntl_async_signals(true);
$current = '';
pcntl_signal(SIGALRM, function () use (&$current) {
    echo "$current: still waiting after 20 s\n";
    exit(1);
});
function call_timed(string $name, callable $call): void
{
    global $current;
    $current = $name;
    pcntl_alarm(20);
    $result = $call();
    pcntl_alarm(0);
    echo "$name: ", is_object($result) ? get_class($result) . ' err ' . rd_kafka_err2name($result->err) : json_encode($result), "\n";
}

$legacy = new RdKafka\Consumer(producer_conf($brokers));
$topic = $legacy->newTopic($topicName);
// BEGINNING of an empty partition: the message produced at the end is read however late the start resolves.
$topic->consumeStart(0, RD_KAFKA_OFFSET_BEGINNING);
$queue = $legacy->newQueue();
$topic->consumeQueueStart(1, RD_KAFKA_OFFSET_END, $queue);
call_timed('ConsumerTopic::consume(0, -5)', fn () => $topic->consume(0, -5));
call_timed('ConsumerTopic::consumeBatch(0, -5, 10)', fn () => $topic->consumeBatch(0, -5, 10));
call_timed('ConsumerTopic::consumeCallback(0, -5)', fn () => $topic->consumeCallback(0, -5, fn () => null));
call_timed('Queue::consume(-5)', fn () => $queue->consume(-5));
call_timed('Consumer::poll(-5)', fn () => $legacy->poll(-5));

$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('g')));
$consumer->assign([new RdKafka\TopicPartition($topicName, 0, RD_KAFKA_OFFSET_END)]);
call_timed('KafkaConsumer::consume(-5)', fn () => $consumer->consume(-5));
call_timed('KafkaConsumer::consumeBatch(-5, 10)', fn () => $consumer->consumeBatch(-5, 10));

// A producer whose broker never answers: flush() has something to wait for.
$conf = producer_conf('127.0.0.1:1');
$conf->set('log_level', '0');
$producer = new RdKafka\Producer($conf);
$producer->newTopic($topicName)->produce(0, 0, 'never delivered');
call_timed('Producer::poll(-5) returns an int', fn () => is_int($producer->poll(-5)));
call_timed('Producer::flush(-5)', fn () => rd_kafka_err2name($producer->flush(-5)));
call_timed('Producer::flush(-1000)', fn () => rd_kafka_err2name($producer->flush(-1000)));

// -1 is "as long as it takes": with a message on its way, consume(-1) returns it.
produce_all($brokers, $topicName, ['arrives'], 0);
call_timed('ConsumerTopic::consume(0, -1)', fn () => $topic->consume(0, -1)->payload);
$producer->purge(RD_KAFKA_PURGE_F_QUEUE);
?>
--EXPECT--
ConsumerTopic::consume(0, -5): null
ConsumerTopic::consumeBatch(0, -5, 10): []
ConsumerTopic::consumeCallback(0, -5): 0
Queue::consume(-5): null
Consumer::poll(-5): 0
KafkaConsumer::consume(-5): RdKafka\Message err _TIMED_OUT
KafkaConsumer::consumeBatch(-5, 10): []
Producer::poll(-5) returns an int: true
Producer::flush(-5): "_TIMED_OUT"
Producer::flush(-1000): "_TIMED_OUT"
ConsumerTopic::consume(0, -1): "arrives"
