--TEST--
getMetadata()/metadata() on Producer and KafkaConsumer: brokers, all topics or one, partitions with leader, replicas and ISRs; Metadata\Collection counts and iterates; metadata objects cannot be made with new, can be subclassed, and an uninitialised one throws; getControllerId(); getReplicas() and getIsrs() return Metadata\Collection objects of broker ids, as in php-rdkafka
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topicName = unique_name('metadata');
[$brokers, $cluster] = test_brokers([$topicName => 3]);
produce_all($brokers, $topicName, ['a']);

$producer = new RdKafka\Producer(producer_conf($brokers));
$metadata = $producer->getMetadata(true, null, 10000);
var_dump($metadata instanceof RdKafka\Metadata);
$brokerIds = [];
foreach ($metadata->getBrokers() as $index => $broker) {
    $brokerIds[] = $broker->getId();
    if (!is_string($broker->getHost()) || $broker->getHost() === '' || $broker->getPort() <= 0) {
        echo "bad broker $index\n";
    }
}
echo 'brokers: ', count($metadata->getBrokers()) === count($brokerIds) && $brokerIds ? 'ok' : 'missing', "\n";
// A bootstrap broker answers as id -1 until it is known by its id.
echo 'answered by a listed or bootstrap broker: ', in_array($metadata->getOrigBrokerId(), [...$brokerIds, -1], true) ? 'yes' : 'no', "\n";
echo 'broker name: ', str_contains($metadata->getOrigBrokerName(), ':') ? 'host:port/id' : $metadata->getOrigBrokerName(), "\n";

$names = [];
foreach ($metadata->getTopics() as $topic) {
    $names[] = $topic->getTopic();
}
echo 'all topics include ours: ', in_array($topicName, $names, true) ? 'yes' : 'no', "\n";

function describe(RdKafka\Metadata $metadata, array $brokerIds): void {
    $topics = $metadata->getTopics();
    echo count($topics), " topic\n";
    foreach ($topics as $topic) {
        echo $topic->getTopic() === $GLOBALS['topicName'] ? 'ours' : $topic->getTopic(), ' err=', $topic->getErr(), "\n";
        $partitions = $topic->getPartitions();
        foreach ($partitions as $key => $partition) {
            // Collections of ints, as php-rdkafka returns them.
            $replicas = iterator_to_array($partition->getReplicas());
            printf("  %d: key=%d err=%d leader known=%s replicas=%s isrs within replicas=%s\n",
                $partition->getId(), $key, $partition->getErr(),
                in_array($partition->getLeader(), $brokerIds, true) ? 'yes' : 'no',
                count($replicas) >= 1 && !array_diff($replicas, $brokerIds) ? 'ok' : json_encode($replicas),
                !array_diff(iterator_to_array($partition->getIsrs()), $replicas) ? 'yes' : 'no');
        }
        echo '  replicas and isrs: ', get_class($partition->getReplicas()), ' ', get_class($partition->getIsrs()),
            ' of ', count($partition->getReplicas()), ' and ', $partition->getIsrs()->count(), "\n";
    }
}
$topic = $producer->newTopic($topicName);
describe($producer->getMetadata(false, $topic, 10000), $brokerIds);

$consumer = new RdKafka\KafkaConsumer(consumer_conf($brokers, unique_name('g')));
describe($consumer->getMetadata(false, $consumer->newTopic($topicName), 10000), $brokerIds);
echo 'KafkaConsumer all topics: ', count($consumer->getMetadata(true, null, 10000)->getTopics()) >= 1 ? 'yes' : 'no', "\n";

// Deprecated alias, as in php-rdkafka.
$viaAlias = $producer->metadata(false, $topic, 10000);
echo 'alias: ', count($viaAlias->getTopics()), "\n";

// Iterator protocol by hand, and past the end.
$collection = $producer->getMetadata(false, $topic, 10000)->getTopics();
$collection->rewind();
var_dump($collection->valid(), $collection->key(), $collection->current()->getTopic() === $topicName);
$collection->next();
var_dump($collection->valid());
foreach (['current', 'key'] as $method) {
    try {
        $collection->$method();
    } catch (RdKafka\Exception $e) {
        echo $e->getMessage(), "\n";
    }
}

$controller = $producer->getControllerId(10000);
echo 'controller id: ', is_int($controller) && $controller >= -1 ? 'int' : var_export($controller, true), "\n";
echo 'KafkaConsumer controller id: ', $consumer->getControllerId(10000) === $controller ? 'same' : 'different', "\n";

try {
    $producer->getMetadata(true, new stdClass(), 1000);
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
$consumer->close();
try {
    $consumer->getMetadata(true, null, 1000);
} catch (RdKafka\Exception $e) {
    echo $e->getMessage(), "\n";
}

foreach (['RdKafka\Metadata', 'RdKafka\Metadata\Collection', 'RdKafka\Metadata\Broker', 'RdKafka\Metadata\Topic', 'RdKafka\Metadata\Partition'] as $class) {
    try {
        new $class();
    } catch (Error $e) {
        echo $e->getMessage(), "\n";
    }
    $blank = (new ReflectionClass($class))->newInstanceWithoutConstructor();
    $method = ['RdKafka\Metadata' => 'getTopics', 'RdKafka\Metadata\Collection' => 'count', 'RdKafka\Metadata\Broker' => 'getId',
        'RdKafka\Metadata\Topic' => 'getTopic', 'RdKafka\Metadata\Partition' => 'getLeader'][$class];
    try {
        $blank->$method();
    } catch (Exception $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
class MockedMetadata extends RdKafka\Metadata
{
    public function __construct() {}
    public function getOrigBrokerId(): int { return 42; }
}
echo (new MockedMetadata())->getOrigBrokerId(), "\n";
?>
--EXPECTF--
bool(true)
brokers: ok
answered by a listed or bootstrap broker: yes
broker name: host:port/id
all topics include ours: yes
1 topic
ours err=0
  0: key=0 err=0 leader known=yes replicas=ok isrs within replicas=yes
  1: key=1 err=0 leader known=yes replicas=ok isrs within replicas=yes
  2: key=2 err=0 leader known=yes replicas=ok isrs within replicas=yes
  replicas and isrs: RdKafka\Metadata\Collection RdKafka\Metadata\Collection of 1 and 1
1 topic
ours err=0
  0: key=0 err=0 leader known=yes replicas=ok isrs within replicas=yes
  1: key=1 err=0 leader known=yes replicas=ok isrs within replicas=yes
  2: key=2 err=0 leader known=yes replicas=ok isrs within replicas=yes
  replicas and isrs: RdKafka\Metadata\Collection RdKafka\Metadata\Collection of 1 and 1
KafkaConsumer all topics: yes

Deprecated: Method RdKafka\Producer::metadata() is deprecated in %s on line %d
alias: 1
bool(true)
int(0)
bool(true)
bool(false)
Called current() on invalid iterator
Called key() on invalid iterator
controller id: int
KafkaConsumer controller id: same
RdKafka\Producer::getMetadata(): Argument #2 ($only_topic) must be of type ?RdKafka\Topic, stdClass given
The consumer is closed: create a new RdKafka\KafkaConsumer
Call to private RdKafka\Metadata::__construct() from global scope
Exception: RdKafka\Metadata::__construct() has not been called
Call to private RdKafka\Metadata\Collection::__construct() from global scope
Exception: RdKafka\Metadata\Collection::__construct() has not been called
Call to private RdKafka\Metadata\Broker::__construct() from global scope
Exception: RdKafka\Metadata\Broker::__construct() has not been called
Call to private RdKafka\Metadata\Topic::__construct() from global scope
Exception: RdKafka\Metadata\Topic::__construct() has not been called
Call to private RdKafka\Metadata\Partition::__construct() from global scope
Exception: RdKafka\Metadata\Partition::__construct() has not been called
42
