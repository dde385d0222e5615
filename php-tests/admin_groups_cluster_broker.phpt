--TEST--
AdminClient::describeCluster() names the brokers and the controller among them; describeConsumerGroups() describes a group with a live member (Stable, its coordinator a cluster broker) and, in the same call, a group nobody joined; listConsumerGroups() answers without broker errors, lists the live group (once it has a committed offset), and a state filter that excludes Stable drops it where the broker reports states (needs TEST_KAFKA_BROKERS: librdkafka's mock serves no DescribeGroups/ListGroups and names no controller)
--SKIPIF--
<?php if (!getenv('TEST_KAFKA_BROKERS')) die('skip needs TEST_KAFKA_BROKERS (admin_configs_groups_mock.phpt covers the mock)'); ?>
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
[$brokers] = test_brokers();
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', $brokers);
$admin = new RdKafka\Admin\AdminClient($conf);
$options = $admin->newAdminOptions(RD_KAFKA_ADMIN_OP_ANY);
$options->setRequestTimeout(10000);

$cluster = $admin->describeCluster($options);
$ids = array_map(fn (RdKafka\Admin\Node $node) => $node->id, $cluster->nodes);
printf("cluster: %s, id given: %s, brokers: %s, controller among them: %s\n", get_class($cluster), is_string($cluster->cluster_id) && $cluster->cluster_id !== '' ? 'yes' : 'no',
    count($ids) > 0 ? 'yes' : 'no', $cluster->controller !== null && in_array($cluster->controller->id, $ids, true) ? 'yes' : 'no');
printf("node: host and port given: %s\n", $cluster->nodes[0]->host !== '' && $cluster->nodes[0]->port > 0 ? 'yes' : 'no');

$topic = unique_name('grp-topic');
$admin->createTopics([new RdKafka\Admin\NewTopic($topic, 2, 1)], $options);
$group = unique_name('grp');
$consumerConf = consumer_conf($brokers, $group);
$consumerConf->set('client.id', 'admin-groups-test');
$consumer = new RdKafka\KafkaConsumer($consumerConf);
$consumer->subscribe([$topic]);
$deadline = microtime(true) + 20;
while (microtime(true) < $deadline && !$consumer->getAssignment()) {
    $consumer->consume(200);
}
echo 'consumer assigned: ', count($consumer->getAssignment()), " partitions\n";
// A committed offset too: some brokers (tansu) list only groups that have one.
$consumer->commit([new RdKafka\TopicPartition($topic, 0, 0)]);

$nobody = unique_name('grp-nobody');
[$live, $empty] = $admin->describeConsumerGroups([$group, $nobody], $options);
printf("live group: %s, error %s, Stable: %s, coordinator a cluster broker: %s\n", $live->group_id === $group ? 'in order' : $live->group_id, rd_kafka_err2name($live->error),
    $live->state === RD_KAFKA_CONSUMER_GROUP_STATE_STABLE ? 'yes' : 'no', $live->coordinator !== null && in_array($live->coordinator->id, $ids, true) ? 'yes' : 'no');
// A broker may leave the members out (tansu does); when it lists them, ours is there with both partitions.
$ours = array_filter($live->members, fn (RdKafka\Admin\MemberDescription $member) => $member->client_id === 'admin-groups-test' && count($member->assignment) === 2);
echo 'members: ', $live->members === [] || count($ours) === 1 ? 'ok' : 'unexpected: ' . json_encode(array_map(fn ($m) => [$m->client_id, count($m->assignment)], $live->members)), "\n";
printf("group nobody joined: %s, no members, not Stable: %s\n", $empty->group_id === $nobody ? 'in order' : $empty->group_id,
    $empty->members === [] && $empty->state !== RD_KAFKA_CONSUMER_GROUP_STATE_STABLE ? 'yes' : 'no');

$listed = $admin->listConsumerGroups($options);
$names = array_map(fn (RdKafka\Admin\ConsumerGroupListing $listing) => $listing->group_id, $listed->valid);
echo 'listConsumerGroups: broker errors: ', count($listed->errors), "\n";
echo '  the live group listed: ', in_array($group, $names, true) ? 'yes' : 'no', "\n";
$notStable = $admin->newAdminOptions(RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS);
$notStable->setMatchConsumerGroupStates([RD_KAFKA_CONSUMER_GROUP_STATE_EMPTY, RD_KAFKA_CONSUMER_GROUP_STATE_DEAD]);
$filtered = $admin->listConsumerGroups($notStable);
$filteredNames = array_map(fn ($listing) => $listing->group_id, $filtered->valid);
// A broker that reports no group states (tansu: all UNKNOWN) cannot filter by them either.
$reportsStates = array_filter($listed->valid, fn ($listing) => $listing->state !== RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN) !== [];
echo '  filtered to Empty/Dead: broker errors: ', count($filtered->errors), ', the live group left out: ', !$reportsStates || !in_array($group, $filteredNames, true) ? 'yes' : 'no', "\n";
$consumer->close();
unset($consumer, $admin);
?>
--EXPECT--
cluster: RdKafka\Admin\ClusterDescription, id given: yes, brokers: yes, controller among them: yes
node: host and port given: yes
consumer assigned: 2 partitions
live group: in order, error NO_ERROR, Stable: yes, coordinator a cluster broker: yes
members: ok
group nobody joined: in order, no members, not Stable: yes
listConsumerGroups: broker errors: 0
  the live group listed: yes
  filtered to Empty/Dead: broker errors: 0, the live group left out: yes
