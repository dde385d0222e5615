--TEST--
KafkaConsumer: getOffsetPositions(), newTopic()->offsetStore() then commit() -> getCommittedOffsets(); pausePartitions() stops delivery until resumePartitions(); incrementalAssign()/incrementalUnassign() change the assignment; errors for bad partitions and a closed consumer
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('kc_offsets');
[$brokers, $cluster] = test_brokers([$topicName => 2]);
produce_all($brokers, $topicName, ['p0-0', 'p0-1', 'p0-2', 'p0-3', 'p0-4'], 0);
produce_all($brokers, $topicName, ['p1-0', 'p1-1'], 1);

$conf = consumer_conf($brokers, unique_name('g'));
$conf->set('enable.auto.commit', 'false');
$conf->set('enable.auto.offset.store', 'false');
$conf->set('log_level', '3'); // librdkafka also logs a refused incremental unassign as a warning
$consumer = new RdKafka\KafkaConsumer($conf);
$consumer->assign([new RdKafka\TopicPartition($topicName, 0, 0)]);
$messages = consume_n($consumer, 3);
echo implode(',', array_map(fn ($m) => $m->payload, $messages)), "\n";

$partitions = [new RdKafka\TopicPartition($topicName, 0), new RdKafka\TopicPartition($topicName, 1)];
echo 'positions: ', implode(', ', array_map(fn ($tp) => "{$tp->getPartition()}@{$tp->getOffset()}", $consumer->getOffsetPositions($partitions))), "\n";

$topic = $consumer->newTopic($topicName);
var_dump(get_class($topic), $topic->getName() === $topicName);
// As in librdkafka: the processed message's offset is stored, offset + 1 is what gets committed.
$topic->offsetStore(0, $messages[1]->offset);
$consumer->commit();
echo 'committed: ', implode(', ', array_map(fn ($tp) => "{$tp->getPartition()}@{$tp->getOffset()} err={$tp->getErr()}", $consumer->getCommittedOffsets($partitions, 10000))), "\n";
try {
    $topic->offsetStore(-1, 1);
} catch (InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}

$consumer->pausePartitions([new RdKafka\TopicPartition($topicName, 0)]);
$whilePaused = $consumer->consume(1500);
echo 'while paused: ', $whilePaused->err === RD_KAFKA_RESP_ERR__TIMED_OUT ? 'timed out' : $whilePaused->payload, "\n";
$consumer->resumePartitions([new RdKafka\TopicPartition($topicName, 0)]);
echo 'after resume: ', consume_n($consumer, 1)[0]->payload ?? 'nothing', "\n";

$consumer->incrementalAssign([new RdKafka\TopicPartition($topicName, 1, 0)]);
echo 'assignment: ', implode(', ', array_map(fn ($tp) => $tp->getPartition(), $consumer->getAssignment())), "\n";
$fromBoth = array_map(fn ($m) => $m->payload, consume_n($consumer, 3));
sort($fromBoth);
echo implode(',', $fromBoth), "\n";
$consumer->incrementalUnassign([new RdKafka\TopicPartition($topicName, 0)]);
echo 'assignment: ', implode(', ', array_map(fn ($tp) => $tp->getPartition(), $consumer->getAssignment())), "\n";
try {
    $consumer->incrementalUnassign([new RdKafka\TopicPartition($topicName, 0)]);
} catch (RdKafka\Exception $e) {
    echo $e->getCode() === RD_KAFKA_RESP_ERR__INVALID_ARG ? 'INVALID_ARG' : $e->getCode(), ': ', $e->getMessage() === "$topicName [0] can't be unassigned since it is not in the current assignment" ? 'not assigned' : $e->getMessage(), "\n";
}
try {
    $consumer->getCommittedOffsets([new RdKafka\TopicPartition($topicName, 0), null], 1000);
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}

$consumer->close();
foreach ([
    'getCommittedOffsets' => fn () => $consumer->getCommittedOffsets($partitions, 1000),
    'getOffsetPositions' => fn () => $consumer->getOffsetPositions($partitions),
    'incrementalAssign' => fn () => $consumer->incrementalAssign($partitions),
    'newTopic' => fn () => $consumer->newTopic($topicName),
    'queryWatermarkOffsets' => fn () => $consumer->queryWatermarkOffsets($topicName, 0, $low, $high, 1000),
] as $method => $call) {
    try {
        $call();
        echo "$method: no error\n";
    } catch (RdKafka\Exception $e) {
        echo "$method: ", $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
p0-0,p0-1,p0-2
positions: 0@3, 1@-1001
string(26) "RdKafka\KafkaConsumerTopic"
bool(true)
committed: 0@2 err=0, 1@-1001 err=0
Out of range value '-1' for $partition
while paused: timed out
after resume: p0-3
assignment: 0, 1
p0-4,p1-0,p1-1
assignment: 1
INVALID_ARG: not assigned
RdKafka\KafkaConsumer::getCommittedOffsets(): array element 1 must be an RdKafka\TopicPartition, null given
getCommittedOffsets: The consumer is closed: create a new RdKafka\KafkaConsumer
getOffsetPositions: The consumer is closed: create a new RdKafka\KafkaConsumer
incrementalAssign: The consumer is closed: create a new RdKafka\KafkaConsumer
newTopic: The consumer is closed: create a new RdKafka\KafkaConsumer
queryWatermarkOffsets: The consumer is closed: create a new RdKafka\KafkaConsumer
