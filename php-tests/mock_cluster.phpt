--TEST--
Mock\Cluster: brokers on 127.0.0.1, topics, broker down/up and RTT; bad sizes are exceptions
--FILE--
<?php
$cluster = new RdKafka\Mock\Cluster(3);
var_dump(count(explode(',', $cluster->getBootstraps())));
var_dump(str_starts_with($cluster->getBootstraps(), '127.0.0.1:'));
$cluster->createTopic('three', 3, 2);
$cluster->setBrokerDown(2);
$cluster->setBrokerUp(2);
$cluster->setRtt(1, 50);
echo "faults injected\n";
foreach ([fn () => new RdKafka\Mock\Cluster(0), fn () => $cluster->createTopic('bad', -1), fn () => $cluster->setBrokerDown(99)] as $call) {
    try {
        $call();
        echo "no exception\n";
    } catch (RdKafka\Exception $e) {
        echo "RdKafka\\Exception: ", $e->getMessage(), "\n";
    }
}
var_dump((new RdKafka\Mock\Cluster())->getBootstraps() !== '');
?>
--EXPECTF--
int(3)
bool(true)
faults injected
RdKafka\Exception: A mock cluster needs 1 to 64 brokers, got 0
RdKafka\Exception: %s
RdKafka\Exception: %s
bool(true)
