--TEST--
A wrong argument type throws PHP's own TypeError wording; subclasses inherit working methods; a method on an object whose constructor never ran throws "X::__construct() has not been called"; php-rdkafka's deprecated methods say so
--FILE--
<?php
function attempt(callable $call): void
{
    try {
        $call();
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$conf = new RdKafka\Conf();
$conf->set('log_level', '3'); // no notice about the missing bootstrap.servers
attempt(fn () => @$conf->setDefaultTopicConf($conf));
attempt(fn () => new RdKafka\KafkaConsumer('not a conf'));
attempt(fn () => new RdKafka\TopicPartition([], 1));
attempt(fn () => (new RdKafka\Producer($conf))->newTopic('t', new stdClass()));
attempt(fn () => (new RdKafka\TopicConf())->setPartitioner('murmur'));

// Subclasses (what mocking frameworks and wrappers make) run the inherited methods.
class MyPartition extends RdKafka\TopicPartition
{
    public function describe(): string
    {
        return $this->getTopic() . '/' . $this->getPartition() . '@' . $this->getOffset();
    }
}
echo (new MyPartition('events', 3, 42))->describe(), "\n";
class MyConf extends RdKafka\Conf {}
$myConf = new MyConf();
$myConf->set('client.id', 'sub');
$myConf->set('log_level', '3');
echo $myConf->dump()['client.id'], "\n";
class MyProducer extends RdKafka\Producer {}
echo get_class((new MyProducer($myConf))->newTopic('t')), "\n";

// Constructors that never ran.
class SkipsConstructor extends RdKafka\TopicPartition
{
    public function __construct()
    {
    }
}
attempt(fn () => (new SkipsConstructor())->getTopic());
attempt(fn () => (new ReflectionClass(RdKafka\Producer::class))->newInstanceWithoutConstructor()->getOutQLen());
attempt(fn () => (new ReflectionClass(RdKafka\Conf::class))->newInstanceWithoutConstructor()->set('a', 'b'));

$producer = new RdKafka\Producer($conf);
$producer->setLogLevel(LOG_ERR);
$producer->outqLen();
?>
--EXPECTF--
TypeError: RdKafka\Conf::setDefaultTopicConf(): Argument #1 ($topic_conf) must be of type RdKafka\TopicConf, RdKafka\Conf given
TypeError: RdKafka\KafkaConsumer::__construct(): Argument #1 ($conf) must be of type RdKafka\Conf, string given
TypeError: RdKafka\TopicPartition::__construct(): Argument #1 ($topic) must be of type string, array given
TypeError: RdKafka\Producer::newTopic(): Argument #2 ($topic_conf) must be of type ?RdKafka\TopicConf, stdClass given
TypeError: RdKafka\TopicConf::setPartitioner(): Argument #1 ($partitioner) must be of type int, string given
events/3@42
sub
RdKafka\ProducerTopic
Exception: RdKafka\TopicPartition::__construct() has not been called
Exception: RdKafka\Producer::__construct() has not been called
Exception: RdKafka\Conf::__construct() has not been called

Deprecated: Method RdKafka\Producer::setLogLevel() is deprecated in %s on line %d

Deprecated: Method RdKafka\Producer::outqLen() is deprecated in %s on line %d
