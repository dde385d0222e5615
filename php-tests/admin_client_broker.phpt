--TEST--
RdKafka\Admin\AdminClient against a real broker (TEST_KAFKA_BROKERS; librdkafka's mock serves no admin requests): createTopics with a config, a second create of the same topic fails for that topic only, deleteTopics reports an unknown topic per topic; results are TopicResult objects with error, error_string and name
--SKIPIF--
<?php if (!getenv('TEST_KAFKA_BROKERS')) die('skip needs TEST_KAFKA_BROKERS (a real broker or ../shared/tools/start-tansu.sh)'); ?>
--FILE--
<?php
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', getenv('TEST_KAFKA_BROKERS'));
$admin = new RdKafka\Admin\AdminClient($conf);
$name = 'admin-' . bin2hex(random_bytes(6));
$topic = new RdKafka\Admin\NewTopic($name, 2, 1);
$topic->setConfig('cleanup.policy', 'compact');
$describe = fn (array $results) => implode(', ', array_map(fn ($r) => sprintf('%s %s %s', $r->name === $name ? 'ours' : ($r->name === "$name-b" ? 'ours-b' : 'other'), rd_kafka_err2name($r->error), $r->error_string === null ? 'null' : 'explained'), $results));
echo 'create: ', $describe($admin->createTopics([$topic, new RdKafka\Admin\NewTopic("$name-b", 1, 1)])), "\n";
echo 'create again: ', $describe($admin->createTopics([new RdKafka\Admin\NewTopic($name, 2, 1)])), "\n";
$producer = new RdKafka\Producer($conf);
echo 'partitions: ', count($producer->getMetadata(false, $producer->newTopic($name), 10000)->getTopics()->current()->getPartitions()), "\n";
echo 'delete: ', $describe($admin->deleteTopics([new RdKafka\Admin\DeleteTopic($name), new RdKafka\Admin\DeleteTopic("$name-b"), new RdKafka\Admin\DeleteTopic("$name-c")])), "\n";
$result = $admin->deleteTopics([new RdKafka\Admin\DeleteTopic($name)])[0];
var_dump($result->getError() === $result->error, $result->getName() === $name);
?>
--EXPECT--
create: ours NO_ERROR null, ours-b NO_ERROR null
create again: ours TOPIC_ALREADY_EXISTS explained
partitions: 2
delete: ours NO_ERROR null, ours-b NO_ERROR null, other UNKNOWN_TOPIC_OR_PART explained
bool(true)
bool(true)
