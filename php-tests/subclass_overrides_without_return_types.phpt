--TEST--
Return types are tentative, as in php-rdkafka: a subclass (or a mock) overriding a method without a return type gets PHP's deprecation notice, not a fatal error, and #[\ReturnTypeWillChange] silences it; the declared types are php-rdkafka's (TopicPartition::getTopic(): ?string)
--FILE--
<?php
class LoggingProducer extends RdKafka\Producer
{
    public function poll($timeout_ms)
    {
        echo "poll($timeout_ms) via the subclass\n";
        return parent::poll($timeout_ms);
    }
}
class FixedConf extends RdKafka\Conf
{
    #[\ReturnTypeWillChange]
    public function dump()
    {
        return ['client.id' => 'fixed'];
    }
}
// php-rdkafka's own signature of getTopic() (?string) fits without a notice.
class AppTopicPartition extends RdKafka\TopicPartition
{
    public function getTopic(): ?string
    {
        return 'app-' . parent::getTopic();
    }
}
echo (new AppTopicPartition('t', 0))->getTopic(), "\n";
$conf = new FixedConf();
$conf->set('log_level', '3');
echo $conf->dump()['client.id'], "\n";
var_dump((new LoggingProducer($conf))->poll(0));

$tentative = $real = 0;
foreach ((new ReflectionExtension('rdkafka'))->getClasses() as $class) {
    foreach ($class->getMethods() as $method) {
        if (!str_starts_with($method->getDeclaringClass()->getName(), 'RdKafka')) {
            continue; // \Exception's own methods
        }
        $tentative += (int) $method->hasTentativeReturnType();
        $real += (int) $method->hasReturnType();
    }
}
echo "methods with a real return type: $real; tentative: ", $tentative >= 50 ? "50 or more" : $tentative, "\n";
$poll = new ReflectionMethod(RdKafka\Producer::class, 'poll');
echo 'RdKafka\Producer::poll() returns ', $poll->getTentativeReturnType(), "\n";
?>
--EXPECTF--
Deprecated: Return type of LoggingProducer::poll($timeout_ms) should either be compatible with RdKafka\Producer::poll(int $timeout_ms): int, or the #[\ReturnTypeWillChange] attribute should be used to temporarily suppress the notice in %s on line %d
app-t
fixed
poll(0) via the subclass
int(0)
methods with a real return type: 0; tentative: 50 or more
RdKafka\Producer::poll() returns int
