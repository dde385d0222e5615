--TEST--
TopicConf::setPartitioner(): each RD_KAFKA_MSG_PARTITIONER_* sets librdkafka's partitioner (CONSISTENT puts a key on crc32(key) % partitions); any other value throws InvalidArgumentException
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$names = ['RANDOM', 'CONSISTENT', 'CONSISTENT_RANDOM', 'MURMUR2', 'MURMUR2_RANDOM'];
foreach ($names as $name) {
    $conf = new RdKafka\TopicConf();
    $conf->setPartitioner(constant("RD_KAFKA_MSG_PARTITIONER_$name"));
    echo $name, ' => ', $conf->dump()['partitioner'], "\n";
}
foreach ([0, 7, -1] as $invalid) {
    try {
        (new RdKafka\TopicConf())->setPartitioner($invalid);
    } catch (InvalidArgumentException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$topic = unique_name('partitioner');
[$brokers, $cluster] = test_brokers([$topic => 4]);
$keys = array_map(fn ($i) => "key-$i", range(0, 11));
function partitions_of(string $brokers, string $topic, int $partitioner, array $keys): array
{
    $partitions = [];
    $conf = producer_conf($brokers);
    $conf->setDrMsgCb(function ($producer, $message) use (&$partitions) {
        $partitions[$message->key] = $message->partition;
    });
    $producer = new RdKafka\Producer($conf);
    $topicConf = new RdKafka\TopicConf();
    $topicConf->setPartitioner($partitioner);
    $handle = $producer->newTopic($topic, $topicConf);
    foreach ($keys as $key) {
        $handle->produce(RD_KAFKA_PARTITION_UA, 0, 'payload', $key);
    }
    $producer->flush(10000);
    return array_map(fn ($key) => $partitions[$key], $keys);
}
$consistent = partitions_of($brokers, $topic, RD_KAFKA_MSG_PARTITIONER_CONSISTENT, $keys);
$crc32 = array_map(fn ($key) => crc32($key) % 4, $keys);
echo "CONSISTENT is crc32 % 4: ", var_export($consistent === $crc32, true), "\n";
$murmur2 = partitions_of($brokers, $topic, RD_KAFKA_MSG_PARTITIONER_MURMUR2, $keys);
echo "MURMUR2 places keys differently: ", var_export($murmur2 !== $consistent, true), "\n";
echo "MURMUR2 is stable: ", var_export($murmur2 === partitions_of($brokers, $topic, RD_KAFKA_MSG_PARTITIONER_MURMUR2, $keys), true), "\n";
?>
--EXPECT--
RANDOM => random
CONSISTENT => consistent
CONSISTENT_RANDOM => consistent_random
MURMUR2 => murmur2
MURMUR2_RANDOM => murmur2_random
InvalidArgumentException: Invalid partitioner given: 0; use one of the RD_KAFKA_MSG_PARTITIONER_* constants
InvalidArgumentException: Invalid partitioner given: 7; use one of the RD_KAFKA_MSG_PARTITIONER_* constants
InvalidArgumentException: Invalid partitioner given: -1; use one of the RD_KAFKA_MSG_PARTITIONER_* constants
CONSISTENT is crc32 % 4: true
MURMUR2 places keys differently: true
MURMUR2 is stable: true
