--TEST--
AdminClient::alterConsumerGroupOffsets() sets a group's committed offsets (a KafkaConsumer of the group then sees them), listConsumerGroupOffsets() reads them back for given partitions (-1001 for a group without a commit); bad arguments are clear errors
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('adm');
[$brokers, $cluster] = test_brokers([$topicName => 2]);
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', $brokers);
$admin = new RdKafka\Admin\AdminClient($conf);
$options = $admin->newAdminOptions(RD_KAFKA_ADMIN_OP_ANY);
$options->setRequestTimeout(10000);
if (getenv('TEST_KAFKA_BROKERS')) {
    // A real broker: the topic comes from the AdminClient itself.
    $admin->createTopics([new RdKafka\Admin\NewTopic($topicName, 2, 1)], $options);
}
$group = unique_name('g');
$show = fn (array $partitions) => implode(', ', array_map(fn ($tp) => sprintf('%d@%d err=%s', $tp->getPartition(), $tp->getOffset(), rd_kafka_err2name($tp->getErr())), $partitions));

echo 'alter: ', $show($admin->alterConsumerGroupOffsets($group, [new RdKafka\TopicPartition($topicName, 0, 5), new RdKafka\TopicPartition($topicName, 1, 7)], $options)), "\n";
echo 'list: ', $show($admin->listConsumerGroupOffsets($group, [new RdKafka\TopicPartition($topicName, 0), new RdKafka\TopicPartition($topicName, 1)], $options)), "\n";
echo 'list, other group: ', $show($admin->listConsumerGroupOffsets(unique_name('g'), [new RdKafka\TopicPartition($topicName, 0)], $options)), "\n";
$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, $group));
echo 'the group\'s consumer sees: ', $show($consumer->getCommittedOffsets([new RdKafka\TopicPartition($topicName, 0), new RdKafka\TopicPartition($topicName, 1)], 10000)), "\n";
$consumer->close();
echo 'empty: ', json_encode([$admin->alterConsumerGroupOffsets($group, [], $options), $admin->deleteRecords([], $options)]), "\n";
foreach ([
    'list with junk' => fn () => $admin->listConsumerGroupOffsets($group, ['junk']),
    'alter with options for deleteRecords' => fn () => $admin->alterConsumerGroupOffsets($group, [new RdKafka\TopicPartition($topicName, 0, 1)], $admin->newAdminOptions(RD_KAFKA_ADMIN_OP_DELETERECORDS)),
    'NUL in the group id' => fn () => $admin->listConsumerGroupOffsets("a\0b", null, $options),
] as $call => $run) {
    try {
        $run();
        echo "$call: no error\n";
    } catch (Throwable $e) {
        echo "$call: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
unset($consumer, $admin);
?>
--EXPECT--
alter: 0@5 err=NO_ERROR, 1@7 err=NO_ERROR
list: 0@5 err=NO_ERROR, 1@7 err=NO_ERROR
list, other group: 0@-1001 err=NO_ERROR
the group's consumer sees: 0@5 err=NO_ERROR, 1@7 err=NO_ERROR
empty: [[],[]]
list with junk: TypeError: RdKafka\Admin\AdminClient::listConsumerGroupOffsets(): array element 0 must be an RdKafka\TopicPartition, string given
alter with options for deleteRecords: InvalidArgumentException: alterConsumerGroupOffsets(): these AdminOptions were made for RD_KAFKA_ADMIN_OP 6, not 15: use newAdminOptions(15) or RD_KAFKA_ADMIN_OP_ANY
NUL in the group id: RdKafka\KafkaErrorException: The group id must not contain NUL bytes (RD_KAFKA_RESP_ERR__INVALID_ARG)
