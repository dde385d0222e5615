--TEST--
Conf and TopicConf: set() validates like librdkafka, dump() shows values and defaults
--FILE--
<?php
$conf = new RdKafka\Conf();
$conf->set('client.id', 'phpt');
$dump = $conf->dump();
var_dump($dump['client.id'], isset($dump['message.max.bytes']));
foreach ([['foo.bar', '1'], ['queue.buffering.max.messages', 'lots']] as [$name, $value]) {
    try {
        $conf->set($name, $value);
    } catch (RdKafka\Exception $e) {
        echo $e->getCode(), ' ', $e->getMessage(), "\n";
    }
}
$topicConf = new RdKafka\TopicConf();
$topicConf->set('auto.offset.reset', 'smallest');
var_dump($topicConf->dump()['auto.offset.reset']);
try {
    $topicConf->set('no.such.topic.property', 'x');
} catch (RdKafka\Exception $e) {
    echo $e->getCode(), ' ', $e->getMessage(), "\n";
}
$conf->setDefaultTopicConf($topicConf);
echo "default topic conf set\n";
try {
    $conf->setDefaultTopicConf("not a TopicConf");
} catch (TypeError $e) {
    echo "TypeError\n";
}
?>
--EXPECTF--
string(4) "phpt"
bool(true)
-2 No such configuration property: "foo.bar"
-1 Invalid value for configuration property "queue.buffering.max.messages"
string(8) "smallest"
-2 No such configuration property: "no.such.topic.property"

Deprecated: Method RdKafka\Conf::setDefaultTopicConf() is deprecated in %s on line 21
default topic conf set

Deprecated: Method RdKafka\Conf::setDefaultTopicConf() is deprecated in %s on line 24
TypeError
