--TEST--
dr_msg_cb as every kind of PHP callable (closure, function name, static method, [object, method], invokable object, __call and __callStatic trampolines, first-class callable) receives each delivery report, call after call
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$topic_name = unique_name('callable-kinds');
[$brokers, $cluster] = test_brokers([$topic_name => 1]);

$seen = [];
function record_report($kafka, RdKafka\Message $message) { $GLOBALS['seen'][] = "function:$message->payload"; }
class Recorder
{
    public static function onStatic($kafka, RdKafka\Message $message) { $GLOBALS['seen'][] = "static:$message->payload"; }
    public function onMethod($kafka, RdKafka\Message $message) { $GLOBALS['seen'][] = "method:$message->payload"; }
    public function __invoke($kafka, RdKafka\Message $message) { $GLOBALS['seen'][] = "invoke:$message->payload"; }
    public function __call($name, $arguments) { $GLOBALS['seen'][] = "__call($name):{$arguments[1]->payload}"; }
    public static function __callStatic($name, $arguments) { $GLOBALS['seen'][] = "__callStatic($name):{$arguments[1]->payload}"; }
}
$recorder = new Recorder();
$kinds = [
    'closure' => function ($kafka, RdKafka\Message $message) use (&$seen) { $seen[] = "closure:$message->payload"; },
    'function name' => 'record_report',
    'static method string' => 'Recorder::onStatic',
    'static method array' => ['Recorder', 'onStatic'],
    'object method' => [$recorder, 'onMethod'],
    'invokable object' => $recorder,
    '__call' => [$recorder, 'notDeclared'],
    '__callStatic' => ['Recorder', 'notDeclaredStatic'],
    'first-class callable' => $recorder->onMethod(...),
];
foreach ($kinds as $kind => $callable) {
    $conf = producer_conf($brokers);
    $conf->setDrMsgCb($callable);
    $producer = new RdKafka\Producer($conf);
    $topic = $producer->newTopic($topic_name);
    for ($i = 1; $i <= 3; $i++) {
        $topic->produce(RD_KAFKA_PARTITION_UA, 0, "m$i");
        $producer->flush(5000); // one report per poll, so the callable is called three separate times
    }
    echo str_pad($kind, 22), implode(' ', $seen), "\n";
    $seen = [];
    unset($topic, $producer, $conf);
}
?>
--EXPECT--
closure               closure:m1 closure:m2 closure:m3
function name         function:m1 function:m2 function:m3
static method string  static:m1 static:m2 static:m3
static method array   static:m1 static:m2 static:m3
object method         method:m1 method:m2 method:m3
invokable object      invoke:m1 invoke:m2 invoke:m3
__call                __call(notDeclared):m1 __call(notDeclared):m2 __call(notDeclared):m3
__callStatic          __callStatic(notDeclaredStatic):m1 __callStatic(notDeclaredStatic):m2 __callStatic(notDeclaredStatic):m3
first-class callable  method:m1 method:m2 method:m3
