--TEST--
AdminClient::describeConfigs/incrementalAlterConfigs/listConsumerGroups/describeConsumerGroups/describeCluster on librdkafka's mock: bad input is a clear TypeError/InvalidArgumentException before any request; the mock serves no ListGroups/DescribeGroups, so each broker and each group carries its own error; describeConfigs and describeCluster wait for a controller the mock never names and fail as KafkaErrorException within the request timeout
--SKIPIF--
<?php if (getenv('TEST_KAFKA_BROKERS')) die('skip checks how librdkafka\'s mock fails; admin_configs_broker.phpt and admin_groups_cluster_broker.phpt cover a real broker'); ?>
--FILE--
<?php
$cluster = new RdKafka\Mock\Cluster(3);
$cluster->createTopic('configs', 1);
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', $cluster->getBootstraps());
$admin = new RdKafka\Admin\AdminClient($conf);
$options = $admin->newAdminOptions(RD_KAFKA_ADMIN_OP_ANY);
$options->setRequestTimeout(1500);

$unchanged = new RdKafka\Admin\ConfigResource(RD_KAFKA_RESOURCE_TOPIC, 'configs');
foreach ([
    'ConfigResource(RD_KAFKA_RESOURCE_ANY)' => fn () => new RdKafka\Admin\ConfigResource(1, 'configs'),
    'ConfigResource(empty name)' => fn () => new RdKafka\Admin\ConfigResource(RD_KAFKA_RESOURCE_TOPIC, ''),
    'addIncrementalConfig(op 9)' => fn () => $unchanged->addIncrementalConfig('retention.ms', 9, '1'),
    'addIncrementalConfig(SET, null)' => fn () => $unchanged->addIncrementalConfig('retention.ms', RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET),
    'addIncrementalConfig(empty name)' => fn () => $unchanged->addIncrementalConfig('', RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE),
    'incrementalAlterConfigs(no changes)' => fn () => $admin->incrementalAlterConfigs([$unchanged]),
    'describeConfigs(a string)' => fn () => $admin->describeConfigs(['configs']),
    'describeConfigs(options for createTopics)' => fn () => $admin->describeConfigs([$unchanged], $admin->newAdminOptions(RD_KAFKA_ADMIN_OP_CREATETOPICS)),
    'describeConsumerGroups(an int)' => fn () => $admin->describeConsumerGroups(['g', 7]),
    'describeConsumerGroups(NUL)' => fn () => $admin->describeConsumerGroups(["a\0b"]),
    'setMatchConsumerGroupStates(99)' => fn () => $options->setMatchConsumerGroupStates([99]),
    'setMatchConsumerGroupStates("stable")' => fn () => $options->setMatchConsumerGroupStates(['stable']),
    'new ConfigEntry' => fn () => new RdKafka\Admin\ConfigEntry(),
] as $call => $run) {
    try {
        $run();
        echo "$call: no error\n";
    } catch (Throwable $e) {
        echo "$call: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

echo 'empty: ', json_encode([$admin->describeConfigs([]), $admin->incrementalAlterConfigs([]), $admin->describeConsumerGroups([])]), "\n";

$listed = $admin->listConsumerGroups($options);
printf("listConsumerGroups: %s, %d listed, %d broker errors: %s\n", get_class($listed), count($listed->valid), count($listed->errors),
    implode(', ', array_unique(array_map(fn ($e) => get_class($e) . ' ' . rd_kafka_err2name($e->getCode()), $listed->errors))));

$groups = $admin->describeConsumerGroups(['orders', 'billing'], $options);
foreach ($groups as $group) {
    printf("describeConsumerGroups: %s %s error=%s (%s), %d members\n", get_class($group), $group->group_id, rd_kafka_err2name($group->error), $group->error_string, count($group->members));
}

foreach (['describeConfigs' => fn () => $admin->describeConfigs([$unchanged], $options), 'describeCluster' => fn () => $admin->describeCluster($options)] as $call => $run) {
    $started = microtime(true);
    try {
        $run();
        echo "$call: no error\n";
    } catch (RdKafka\KafkaErrorException $e) {
        printf("%s: %s %s, within the timeout: %s\n", $call, get_class($e), rd_kafka_err2name($e->getCode()), microtime(true) - $started < 6.5 ? 'yes' : 'no');
    }
}
unset($admin);
?>
--EXPECT--
ConfigResource(RD_KAFKA_RESOURCE_ANY): InvalidArgumentException: Out of range value '1' for $resource_type: use RD_KAFKA_RESOURCE_TOPIC, RD_KAFKA_RESOURCE_GROUP or RD_KAFKA_RESOURCE_BROKER
ConfigResource(empty name): InvalidArgumentException: The resource name must not be empty
addIncrementalConfig(op 9): InvalidArgumentException: Out of range value '9' for $op_type: use an RD_KAFKA_ALTER_CONFIG_OP_TYPE_* constant
addIncrementalConfig(SET, null): InvalidArgumentException: A value is needed to set, append or subtract config 'retention.ms': only RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE takes null
addIncrementalConfig(empty name): InvalidArgumentException: The config name must not be empty
incrementalAlterConfigs(no changes): InvalidArgumentException: RdKafka\Admin\AdminClient::incrementalAlterConfigs(): resource 'configs' has no changes: call addIncrementalConfig() on it first
describeConfigs(a string): TypeError: RdKafka\Admin\AdminClient::describeConfigs(): element 0 must be an RdKafka\Admin\ConfigResource, string given
describeConfigs(options for createTopics): InvalidArgumentException: describeConfigs(): these AdminOptions were made for RD_KAFKA_ADMIN_OP 1, not 5: use newAdminOptions(5) or RD_KAFKA_ADMIN_OP_ANY
describeConsumerGroups(an int): TypeError: RdKafka\Admin\AdminClient::describeConsumerGroups(): element 1 must be of type string, int given
describeConsumerGroups(NUL): RdKafka\KafkaErrorException: The group id must not contain NUL bytes (RD_KAFKA_RESP_ERR__INVALID_ARG)
setMatchConsumerGroupStates(99): InvalidArgumentException: setMatchConsumerGroupStates(): unknown state 99 (element 0): use an RD_KAFKA_CONSUMER_GROUP_STATE_* constant
setMatchConsumerGroupStates("stable"): TypeError: RdKafka\Admin\AdminOptions::setMatchConsumerGroupStates(): element 0 must be of type int, string given
new ConfigEntry: Error: Call to private RdKafka\Admin\ConfigEntry::__construct() from global scope
empty: [[],[],[]]
listConsumerGroups: RdKafka\Admin\ListConsumerGroupsResult, 0 listed, 3 broker errors: RdKafka\Exception _UNSUPPORTED_FEATURE
describeConsumerGroups: RdKafka\Admin\ConsumerGroupDescription orders error=_UNSUPPORTED_FEATURE (Local: Required feature not supported by broker), 0 members
describeConsumerGroups: RdKafka\Admin\ConsumerGroupDescription billing error=_UNSUPPORTED_FEATURE (Local: Required feature not supported by broker), 0 members
describeConfigs: RdKafka\KafkaErrorException _TIMED_OUT, within the timeout: yes
describeCluster: RdKafka\KafkaErrorException _TIMED_OUT, within the timeout: yes
