--TEST--
var_dump()/print_r() of the metadata objects show their values, as php-rdkafka's do: Metadata (brokers, topics, orig_broker_id, orig_broker_name), Collection (its items), Topic (topic, partitions, err), Partition (id, err, leader, replica_cnt, isr_cnt) and Broker (id, host, port) (before: empty objects)
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('dump');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
$producer = new RdKafka\Producer(producer_conf($brokers));
$metadata = $producer->getMetadata(false, $producer->newTopic($topicName), 10000);
print_r($metadata->getBrokers());
$topic = $metadata->getTopics()->current();
echo str_replace($topicName, 'T', print_r($topic, true));
ob_start();
var_dump($metadata);
preg_match_all('/\["(\w+)"\]=>/', ob_get_clean(), $keys);
echo 'Metadata shows: ', implode(', ', array_unique($keys[1])), "\n";
?>
--EXPECTF--
RdKafka\Metadata\Collection Object
(
    [0] => RdKafka\Metadata\Broker Object
        (
            [id] => %d
            [host] => %s
            [port] => %d
        )

)
RdKafka\Metadata\Topic Object
(
    [topic] => T
    [partitions] => RdKafka\Metadata\Collection Object
        (
            [0] => RdKafka\Metadata\Partition Object
                (
                    [id] => 0
                    [err] => 0
                    [leader] => %d
                    [replica_cnt] => 1
                    [isr_cnt] => 1
                )

        )

    [err] => 0
)
Metadata shows: brokers, id, host, port, topics, topic, partitions, err, leader, replica_cnt, isr_cnt, orig_broker_id, orig_broker_name
