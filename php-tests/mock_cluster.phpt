--TEST--
Mock\Cluster: brokers on 127.0.0.1, topics, broker down/up, RTT, request errors, topic errors, leader and follower moves; bad arguments are exceptions
--FILE--
<?php
$cluster = new RdKafka\Mock\Cluster(3);
var_dump(count(explode(',', $cluster->getBootstraps())));
var_dump(str_starts_with($cluster->getBootstraps(), '127.0.0.1:'));
$cluster->createTopic('three', 3, 2);
$cluster->setBrokerDown(2);
$cluster->setBrokerUp(2);
$cluster->setRtt(1, 50);
$cluster->pushRequestErrors(3, [RD_KAFKA_RESP_ERR_NO_ERROR, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT]);
$cluster->clearRequestErrors(3);
$cluster->setTopicError('three', RD_KAFKA_RESP_ERR_NO_ERROR);
$cluster->setPartitionLeader('three', 0, 3);
$cluster->setPartitionFollower('three', 0, 2);
echo "faults injected\n";
$calls = [
    fn () => new RdKafka\Mock\Cluster(0),
    fn () => $cluster->createTopic('bad', -1),
    fn () => $cluster->setBrokerDown(99),
    fn () => $cluster->pushRequestErrors(0, [12345]),
    fn () => $cluster->pushRequestErrors(0, ['timeout']),
    fn () => $cluster->pushRequestErrors(-1, []),
    fn () => $cluster->setTopicError('three', 99999),
    fn () => $cluster->setPartitionLeader('three', 7, 1),
];
foreach ($calls as $call) {
    try {
        $call();
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ": ", $e->getMessage(), "\n";
    }
}
var_dump((new RdKafka\Mock\Cluster())->getBootstraps() !== '');
?>
--EXPECTF--
int(3)
bool(true)
faults injected
RdKafka\Exception: A mock cluster needs 1 to 64 brokers, got 0
RdKafka\Exception: A mock topic needs at least 1 partition and a replication factor of at least 1, got -1 and 1
RdKafka\Exception: %s
RdKafka\Exception: 12345 is not a librdkafka error code (see rd_kafka_get_err_descs())
TypeError: RdKafka\Mock\Cluster::pushRequestErrors(): error 0 must be an error code (int), string given
ValueError: API key -1 is out of range: use Kafka's API key numbers (0 Produce, 1 Fetch, 3 Metadata, ...)
RdKafka\Exception: 99999 is not a librdkafka error code (see rd_kafka_get_err_descs())
RdKafka\Exception: %s
bool(true)
