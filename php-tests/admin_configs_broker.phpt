--TEST--
AdminClient::incrementalAlterConfigs() sets and deletes a topic's config and describeConfigs() reads it back (ConfigResourceResult with ConfigEntry objects), one result per resource in order: a missing topic beside an existing one does not hide the existing one's configs (needs TEST_KAFKA_BROKERS: librdkafka's mock serves no DescribeConfigs)
--SKIPIF--
<?php if (!getenv('TEST_KAFKA_BROKERS')) die('skip needs TEST_KAFKA_BROKERS (librdkafka\'s mock has no controller for config requests; admin_configs_groups_mock.phpt covers it)'); ?>
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
[$brokers] = test_brokers();
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', $brokers);
$admin = new RdKafka\Admin\AdminClient($conf);
$options = $admin->newAdminOptions(RD_KAFKA_ADMIN_OP_ANY);
$options->setRequestTimeout(10000);
$topic = unique_name('cfg');
$missing = unique_name('cfg-missing');
echo 'created: ', rd_kafka_err2name($admin->createTopics([new RdKafka\Admin\NewTopic($topic, 1, 1)], $options)[0]->error), "\n";

$retention = fn (RdKafka\Admin\ConfigResourceResult $result) => array_values(array_filter($result->configs, fn ($entry) => $entry->name === 'retention.ms'))[0] ?? null;
$describe = function () use ($admin, $options, $topic, $missing, $retention) {
    $results = $admin->describeConfigs([new RdKafka\Admin\ConfigResource(RD_KAFKA_RESOURCE_TOPIC, $topic), new RdKafka\Admin\ConfigResource(RD_KAFKA_RESOURCE_TOPIC, $missing)], $options);
    [$found, $absent] = $results;
    $entry = $retention($found);
    printf("  %d results; %s: type %d, error %s, retention.ms %s (%s)\n", count($results), $found->name === $topic ? 'the topic' : $found->name, $found->type,
        rd_kafka_err2name($found->error), $entry ? var_export($entry->value, true) : 'absent', $entry ? get_class($entry) : '-');
    printf("  the missing topic: its own result, no configs: %s\n", $absent->name === $missing && ($absent->error !== 0 || $absent->configs === []) ? 'yes' : 'no');
};

$set = new RdKafka\Admin\ConfigResource(RD_KAFKA_RESOURCE_TOPIC, $topic);
$set->addIncrementalConfig('retention.ms', RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET, '7200000');
$alterMissing = new RdKafka\Admin\ConfigResource(RD_KAFKA_RESOURCE_TOPIC, $missing);
$alterMissing->addIncrementalConfig('retention.ms', RD_KAFKA_ALTER_CONFIG_OP_TYPE_SET, '7200000');
$altered = $admin->incrementalAlterConfigs([$set, $alterMissing], $options);
printf("set: %d results, the topic's: %s %s, the missing topic's name: %s\n", count($altered), get_class($altered[0]), rd_kafka_err2name($altered[0]->error), $altered[1]->name === $missing ? 'kept' : $altered[1]->name);
$describe();

$delete = new RdKafka\Admin\ConfigResource(RD_KAFKA_RESOURCE_TOPIC, $topic);
$delete->addIncrementalConfig('retention.ms', RD_KAFKA_ALTER_CONFIG_OP_TYPE_DELETE);
echo 'delete: ', rd_kafka_err2name($admin->incrementalAlterConfigs([$delete], $options)[0]->error), "\n";
$entry = $retention($admin->describeConfigs([new RdKafka\Admin\ConfigResource(RD_KAFKA_RESOURCE_TOPIC, $topic)], $options)[0]);
echo '  retention.ms is no longer 7200000: ', $entry === null || $entry->value !== '7200000' ? 'yes' : 'no', "\n";
unset($admin);
?>
--EXPECT--
created: NO_ERROR
set: 2 results, the topic's: RdKafka\Admin\ConfigResourceResult NO_ERROR, the missing topic's name: kept
  2 results; the topic: type 2, error NO_ERROR, retention.ms '7200000' (RdKafka\Admin\ConfigEntry)
  the missing topic: its own result, no configs: yes
delete: NO_ERROR
  retention.ms is no longer 7200000: yes
