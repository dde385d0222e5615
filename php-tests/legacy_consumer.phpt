--TEST--
RdKafka\Consumer (legacy): ConsumerTopic consumeStart/consume/consumeBatch/consumeCallback/consumeStop with partition EOF, consumeQueueStart + Queue::consume, offsetStore committed through the group, callbacks served by poll(), a throwing consume callback loses nothing, and clear errors for misuse
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('legacy');
[$brokers, $cluster] = test_brokers([$topicName => 2]);
produce_all($brokers, $topicName, ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6'], 0);
produce_all($brokers, $topicName, ['b0', 'b1', 'b2'], 1);

$group = unique_name('g');
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', $brokers);
$conf->set('enable.partition.eof', 'true');
$conf->set('group.id', $group);
$conf->set('enable.auto.offset.store', 'false');
$conf->set('auto.commit.interval.ms', '100');
$conf->set('statistics.interval.ms', '100');
$stats = [];
$conf->setStatsCb(function ($kafka, $json, $length) use (&$stats) {
    $stats[] = get_class($kafka) . ' ' . (strlen($json) === $length && json_decode($json) ? 'json' : 'bad');
});
$consumer = new RdKafka\Consumer($conf);
// The legacy consumer commits stored offsets on the topic's own schedule.
$topicConf = new RdKafka\TopicConf();
$topicConf->set('auto.commit.interval.ms', '100');
$topicConf->set('auto.offset.reset', 'earliest');
$topic = $consumer->newTopic($topicName, $topicConf);
echo get_class($topic), ' ', $topic->getName() === $topicName ? 'named' : 'unnamed', "\n";

// Starting at the stored offset (none yet: auto.offset.reset) is what makes librdkafka commit stored offsets.
$topic->consumeStart(0, RD_KAFKA_OFFSET_STORED);
try {
    $topic->consumeStart(0, RD_KAFKA_OFFSET_BEGINNING);
} catch (RdKafka\Exception $e) {
    echo $e->getCode(), ' ', str_replace($topicName, 'T', $e->getMessage()), "\n";
}
for ($deadline = microtime(true) + 10; ($first = $topic->consume(0, 500)) === null && microtime(true) < $deadline;);
echo "consume: {$first->payload} at {$first->offset}\n";
$batch = [];
for ($deadline = microtime(true) + 10; count($batch) < 3 && microtime(true) < $deadline;) {
    array_push($batch, ...$topic->consumeBatch(0, 1000, 3 - count($batch)));
}
echo 'consumeBatch: ', implode(',', array_map(fn ($m) => $m->payload, $batch)), "\n";

// A callback that throws stops the call; the messages it did not see stay queued.
$seen = [];
try {
    $topic->consumeCallback(0, 10000, function (RdKafka\Message $message) use (&$seen) {
        $seen[] = $message->payload;
        throw new RuntimeException("stop at {$message->payload}");
    });
} catch (RuntimeException $e) {
    echo $e->getMessage(), "\n";
}
$more = 0;
for ($deadline = microtime(true) + 10; !in_array(RD_KAFKA_RESP_ERR__PARTITION_EOF, $seen, true) && microtime(true) < $deadline;) {
    $more += $topic->consumeCallback(0, 1000, function (RdKafka\Message $message) use (&$seen) {
        $seen[] = $message->err ?: $message->payload;
    });
}
echo 'consumeCallback saw: ', implode(',', $seen), " ($more in the later calls)\n";
var_dump($topic->consume(0, 100));

// Offsets stored by hand are committed by the auto-commit of the group.
$topic->offsetStore(0, 4);
$check = new RdKafka\KafkaConsumer(consumer_conf($brokers, $group));
for ($deadline = microtime(true) + 10; microtime(true) < $deadline;) {
    $consumer->poll(50);
    $committed = $check->getCommittedOffsets([new RdKafka\TopicPartition($topicName, 0)], 5000)[0]->getOffset();
    if ($committed === 5) {
        break;
    }
}
echo "committed: $committed\n";
$topic->consumeStop(0);
$consumer->poll(300);
echo 'stats through poll(): ', $stats ? implode(' ', array_unique($stats)) : 'none', "\n";

$queue = $consumer->newQueue();
$topic->consumeQueueStart(1, RD_KAFKA_OFFSET_BEGINNING, $queue);
$fromQueue = [];
for ($deadline = microtime(true) + 10; microtime(true) < $deadline;) {
    $message = $queue->consume(1000);
    if ($message === null) {
        continue;
    }
    $fromQueue[] = $message->err ? rd_kafka_err2name($message->err) : $message->payload;
    if ($message->err) {
        break;
    }
}
echo 'queue: ', implode(',', $fromQueue), "\n";
var_dump($queue->consume(100));

foreach ([
    'consume(-2)' => fn () => $topic->consume(-2, 10),
    'consumeBatch(size 0)' => fn () => $topic->consumeBatch(0, 10, 0),
    'offsetStore(-1)' => fn () => $topic->offsetStore(-1, 0),
    'consumeCallback(UA)' => fn () => $topic->consumeCallback(RD_KAFKA_PARTITION_UA, 10, fn () => null),
] as $call => $run) {
    try {
        $run();
        echo "$call: no error\n";
    } catch (InvalidArgumentException $e) {
        echo "$call: ", $e->getMessage(), "\n";
    }
}
try {
    new RdKafka\Queue();
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
echo 'no conf: ', get_class(new RdKafka\Consumer()), "\n";

// Partition 1 is still started: destroying the consumer stops it and does not hang.
$start = microtime(true);
$check->close();
unset($topic, $queue, $consumer, $check);
echo 'destroyed in under 5 s: ', microtime(true) - $start < 5 ? 'yes' : 'no', "\n";
?>
--EXPECTF--
RdKafka\ConsumerTopic named
0 T:0 is already being consumed by the same Consumer instance
consume: a0 at 0
consumeBatch: a1,a2,a3
stop at a4
consumeCallback saw: a4,a5,a6,-191 (3 in the later calls)
NULL
committed: 5
stats through poll(): RdKafka\Consumer json
queue: b0,b1,b2,_PARTITION_EOF
NULL
consume(-2): Out of range value '-2' for $partition
consumeBatch(size 0): Out of range value '0' for batch_size
offsetStore(-1): Out of range value '-1' for $partition
consumeCallback(UA): Out of range value '-1' for $partition
Call to private RdKafka\Queue::__construct() from global scope
no conf: %ARdKafka\Consumer
destroyed in under 5 s: yes
