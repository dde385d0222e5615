--TEST--
RdKafka\Admin\AdminClient: NewTopic/DeleteTopic/NewPartitions/AdminOptions validate their input; element and option mistakes are TypeError/InvalidArgumentException; a request the cluster cannot serve (librdkafka's mock has no controller for admin requests) fails as RdKafka\KafkaErrorException within the request timeout, deleteRecords with a per-partition error
--SKIPIF--
<?php if (getenv('TEST_KAFKA_BROKERS')) die('skip checks how librdkafka\'s mock (which serves no admin requests) fails; admin_client_broker.phpt covers a real broker'); ?>
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
[$brokers, $cluster] = test_brokers(['admin' => 1]);
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', $brokers);
$admin = new RdKafka\Admin\AdminClient($conf);

$topic = new RdKafka\Admin\NewTopic('orders', 3, -1);
$topic->setConfig('cleanup.policy', 'compact');
foreach ([
    'NewTopic(0 partitions)' => fn () => new RdKafka\Admin\NewTopic('orders', 0, 1),
    'NewTopic(empty name)' => fn () => new RdKafka\Admin\NewTopic('', 1, 1),
    'DeleteTopic(empty name)' => fn () => new RdKafka\Admin\DeleteTopic(''),
    'NewPartitions(0)' => fn () => new RdKafka\Admin\NewPartitions('orders', 0),
    'newAdminOptions(99)' => fn () => $admin->newAdminOptions(99),
    'setRequestTimeout(-1)' => fn () => $admin->newAdminOptions(RD_KAFKA_ADMIN_OP_ANY)->setRequestTimeout(-1),
    'options for another call' => fn () => $admin->deleteTopics([new RdKafka\Admin\DeleteTopic('x')], $admin->newAdminOptions(RD_KAFKA_ADMIN_OP_CREATETOPICS)),
    'wrong element' => fn () => $admin->createTopics([$topic, new RdKafka\Admin\DeleteTopic('x')]),
    'new AdminOptions' => fn () => new RdKafka\Admin\AdminOptions(),
] as $call => $run) {
    try {
        $run();
        echo "$call: no error\n";
    } catch (Throwable $e) {
        echo "$call: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$options = $admin->newAdminOptions(RD_KAFKA_ADMIN_OP_ANY);
$options->setRequestTimeout(1500);
$options->setOperationTimeout(0);
foreach (['createTopics' => [$topic], 'deleteTopics' => [new RdKafka\Admin\DeleteTopic('orders')], 'createPartitions' => [new RdKafka\Admin\NewPartitions('orders', 6)]] as $method => $argument) {
    $started = microtime(true);
    try {
        $admin->$method($argument, $options);
        echo "$method: no error\n";
    } catch (RdKafka\KafkaErrorException $e) {
        printf("%s: %s %s, within the timeout: %s\n", $method, get_class($e), rd_kafka_err2name($e->getCode()), microtime(true) - $started < 6.5 ? 'yes' : 'no');
    }
}
$offsets = $admin->deleteRecords([new RdKafka\TopicPartition('admin', 0, 1)], $options);
echo 'deleteRecords: a per-partition error: ', rd_kafka_err2name($offsets[0]->getErr()), "\n";
echo 'empty request: ', json_encode($admin->deleteTopics([], $options)), "\n";
$options->setValidateOnly(true);
try {
    $admin->deleteTopics([new RdKafka\Admin\DeleteTopic('orders')], $options);
} catch (RdKafka\KafkaErrorException $e) {
    echo 'validate-only delete: ', rd_kafka_err2name($e->getCode()), ': ', $e->getErrorString(), "\n";
}
unset($admin);
?>
--EXPECT--
NewTopic(0 partitions): InvalidArgumentException: Out of range value '0' for $num_partitions: use 1 or more, or -1 for the broker's default
NewTopic(empty name): InvalidArgumentException: The topic name must not be empty
DeleteTopic(empty name): InvalidArgumentException: The topic name must not be empty
NewPartitions(0): InvalidArgumentException: Out of range value '0' for $new_total_cnt: use 1 to 100000
newAdminOptions(99): InvalidArgumentException: Out of range value '99' for $for_api: use an RD_KAFKA_ADMIN_OP_* constant
setRequestTimeout(-1): InvalidArgumentException: setRequestTimeout(): -1 ms is out of range (0 to 2147483647)
options for another call: InvalidArgumentException: deleteTopics(): these AdminOptions were made for RD_KAFKA_ADMIN_OP 1, not 2: use newAdminOptions(2) or RD_KAFKA_ADMIN_OP_ANY
wrong element: TypeError: RdKafka\Admin\AdminClient::createTopics(): element 1 must be an RdKafka\Admin\NewTopic, RdKafka\Admin\DeleteTopic given
new AdminOptions: Error: Call to private RdKafka\Admin\AdminOptions::__construct() from global scope
createTopics: RdKafka\KafkaErrorException _TIMED_OUT, within the timeout: yes
deleteTopics: RdKafka\KafkaErrorException _TIMED_OUT, within the timeout: yes
createPartitions: RdKafka\KafkaErrorException _TIMED_OUT, within the timeout: yes
deleteRecords: a per-partition error: _UNSUPPORTED_FEATURE
empty request: []
validate-only delete: _INVALID_ARG: "validate_only" is not supported for this operation
