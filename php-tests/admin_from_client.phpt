--TEST--
AdminClient::fromClient() runs admin calls on an existing Producer, KafkaConsumer or Consumer (no new librdkafka handle), keeps that client alive while it needs it, and refuses other values and a closed consumer clearly
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
function live_clients(): string {
    ob_start();
    (new ReflectionExtension('rdkafka'))->info();
    preg_match('/^live clients => (.*)$/m', ob_get_clean(), $m);
    return $m[1] ?? 'missing';
}
$topicName = unique_name('fromclient');
[$brokers, $cluster] = test_brokers([$topicName => 1]);
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', $brokers);
$group = unique_name('g');
$partition = [new RdKafka\TopicPartition($topicName, 0)];

$producer = new RdKafka\Producer($conf);
echo 'before: ', live_clients(), "\n";
$viaProducer = RdKafka\Admin\AdminClient::fromClient($producer);
echo 'after fromClient: ', live_clients(), "\n";
$options = $viaProducer->newAdminOptions(RD_KAFKA_ADMIN_OP_ANY);
$options->setRequestTimeout(10000);
echo 'altered via the producer: ', $viaProducer->alterConsumerGroupOffsets($group, [new RdKafka\TopicPartition($topicName, 0, 42)], $options)[0]->getOffset(), "\n";
unset($producer);
echo 'the producer lives on in the AdminClient: ', $viaProducer->listConsumerGroupOffsets($group, $partition, $options)[0]->getOffset(), "\n";

$consumerConf = consumer_conf($brokers, unique_name('other'));
$consumer = new RdKafka\KafkaConsumer($consumerConf);
echo 'via a KafkaConsumer: ', RdKafka\Admin\AdminClient::fromClient($consumer)->listConsumerGroupOffsets($group, $partition, $options)[0]->getOffset(), "\n";
echo 'via a Consumer: ', RdKafka\Admin\AdminClient::fromClient(new RdKafka\Consumer($conf))->listConsumerGroupOffsets($group, $partition, $options)[0]->getOffset(), "\n";

foreach (['stdClass' => new stdClass(), 'string' => 'broker:9092', 'Conf' => $conf] as $label => $value) {
    try {
        RdKafka\Admin\AdminClient::fromClient($value);
    } catch (TypeError $e) {
        echo $e->getMessage(), "\n";
    }
}
$consumer->close();
try {
    RdKafka\Admin\AdminClient::fromClient($consumer);
} catch (RdKafka\Exception $e) {
    echo $e->getMessage(), "\n";
}
unset($viaProducer, $consumer, $e);
echo 'at the end: ', live_clients(), "\n";
?>
--EXPECT--
before: 1 producer(s), 0 consumer(s)
after fromClient: 1 producer(s), 0 consumer(s)
altered via the producer: 42
the producer lives on in the AdminClient: 42
via a KafkaConsumer: 42
via a Consumer: 42
RdKafka\Admin\AdminClient::fromClient(): Argument #1 ($client) must be an RdKafka\Producer, RdKafka\KafkaConsumer or RdKafka\Consumer, stdClass given
RdKafka\Admin\AdminClient::fromClient(): Argument #1 ($client) must be an RdKafka\Producer, RdKafka\KafkaConsumer or RdKafka\Consumer, string given
RdKafka\Admin\AdminClient::fromClient(): Argument #1 ($client) must be an RdKafka\Producer, RdKafka\KafkaConsumer or RdKafka\Consumer, RdKafka\Conf given
The consumer is closed: create a new RdKafka\KafkaConsumer
at the end: 0 producer(s), 0 consumer(s)
