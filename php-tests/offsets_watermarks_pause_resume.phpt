--TEST--
queryWatermarkOffsets() sets $low/$high by reference; offsetsForTimes() resolves RD_KAFKA_OFFSET_BEGINNING/END (the mock cluster has no timestamp index); pausePartitions()/resumePartitions() return each partition with its own error; bad partitions and bad arrays are clear errors (Producer and KafkaConsumer)
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('offsets');
[$brokers, $cluster] = test_brokers([$topicName => 2]);
produce_all($brokers, $topicName, ['a', 'b', 'c', 'd', 'e'], 1);

$producer = new RdKafka\Producer(producer_conf($brokers));
$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('g')));
// Pausing needs a partition the client knows: the producer's topic metadata, the consumer's assignment.
$producer->getMetadata(false, $producer->newTopic($topicName), 10000);
$consumer->assign([new RdKafka\TopicPartition($topicName, 1)]);
foreach ([$producer, $consumer] as $client) {
    echo get_class($client), "\n";
    $low = 'untouched';
    $high = null;
    $client->queryWatermarkOffsets($topicName, 1, $low, $high, 10000);
    var_dump($low, $high);
    $client->queryWatermarkOffsets($topicName, 0, $low, $high, 10000);
    echo "empty partition: $low..$high\n";
    $holder = new stdClass();
    $holder->low = 0;
    $holder->high = 0;
    $client->queryWatermarkOffsets($topicName, 1, $holder->low, $holder->high, 10000);
    echo "into properties: {$holder->low}..{$holder->high}\n";
    try {
        $client->queryWatermarkOffsets($topicName, 7, $low, $high, 5000);
    } catch (RdKafka\Exception $e) {
        echo $e->getCode() === RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION ? 'UNKNOWN_PARTITION' : $e->getCode(), ': ', $e->getMessage(), "\n";
    }
    try {
        $client->queryWatermarkOffsets($topicName, 1 << 40, $low, $high, 5000);
    } catch (InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }

    $found = [
        ...$client->offsetsForTimes([new RdKafka\TopicPartition($topicName, 1, RD_KAFKA_OFFSET_BEGINNING)], 10000),
        ...$client->offsetsForTimes([new RdKafka\TopicPartition($topicName, 1, RD_KAFKA_OFFSET_END)], 10000),
    ];
    echo 'offsetsForTimes: ', implode(', ', array_map(fn ($tp) => "{$tp->getPartition()}@{$tp->getOffset()} err={$tp->getErr()}", $found)), "\n";

    $paused = $client->pausePartitions([new RdKafka\TopicPartition($topicName, 1)]);
    echo 'paused: ', $paused[0]->getTopic() === $topicName ? 'ours' : 'other', " err={$paused[0]->getErr()}\n";
    $resumed = $client->resumePartitions([new RdKafka\TopicPartition($topicName, 1), new RdKafka\TopicPartition('', -1)]);
    echo 'resumed: err=', $resumed[0]->getErr(), ', unknown partition err=', $resumed[1]->getErr(), "\n";
    try {
        $client->pausePartitions([new RdKafka\TopicPartition($topicName, 0), 'not a partition']);
    } catch (TypeError $e) {
        echo $e->getMessage(), "\n";
    }
}
$consumer->close();
unset($client, $consumer, $producer);
?>
--EXPECT--
RdKafka\Producer
int(0)
int(5)
empty partition: 0..0
into properties: 0..5
UNKNOWN_PARTITION: Local: Unknown partition
Out of range value '1099511627776' for $partition
offsetsForTimes: 1@0 err=0, 1@5 err=0
paused: ours err=0
resumed: err=0, unknown partition err=-190
RdKafka\Producer::pausePartitions(): array element 1 must be an RdKafka\TopicPartition, string given
RdKafka\KafkaConsumer
int(0)
int(5)
empty partition: 0..0
into properties: 0..5
UNKNOWN_PARTITION: Local: Unknown partition
Out of range value '1099511627776' for $partition
offsetsForTimes: 1@0 err=0, 1@5 err=0
paused: ours err=0
resumed: err=0, unknown partition err=-190
RdKafka\KafkaConsumer::pausePartitions(): array element 1 must be an RdKafka\TopicPartition, string given
