--TEST--
KafkaConsumer: commit(Message), commit([TopicPartition]), commit() and commitAsync() store offsets a later consumer resumes from
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('commit');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
produce_all($brokers, $topicName, ['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
$group = unique_name('g');

function reader(string $brokers, string $group, string $topic): RdKafka\KafkaConsumer {
    $conf = consumer_conf($brokers, $group);
    $conf->set('enable.auto.commit', 'false');
    $consumer = new RdKafka\KafkaConsumer($conf);
    $consumer->assign([new RdKafka\TopicPartition($topic, 0, RD_KAFKA_OFFSET_STORED)]);
    return $consumer;
}

$first = reader($brokers, $group, $topicName);
$messages = consume_n($first, 2);
echo implode(',', array_map(fn ($m) => $m->payload, $messages)), "\n";
$first->commit($messages[1]);
$first->close();

$second = reader($brokers, $group, $topicName);
$messages = consume_n($second, 2);
echo implode(',', array_map(fn ($m) => $m->payload, $messages)), "\n";
$second->commit([new RdKafka\TopicPartition($topicName, 0, $messages[1]->offset + 1)]);
$second->close();

$third = reader($brokers, $group, $topicName);
$messages = consume_n($third, 1);
echo implode(',', array_map(fn ($m) => $m->payload, $messages)), "\n";
$third->commit();
$third->close();

$fourth = reader($brokers, $group, $topicName);
$messages = consume_n($fourth, 1);
echo implode(',', array_map(fn ($m) => $m->payload, $messages)), "\n";
$fourth->commitAsync($messages[0]);
$fourth->consume(200); // serves the async commit
$fourth->close();

try {
    $fourth->commit('nope');
} catch (TypeError $e) {
    echo "TypeError\n";
}
?>
--EXPECT--
m0,m1
m2,m3
m4
m5
TypeError
