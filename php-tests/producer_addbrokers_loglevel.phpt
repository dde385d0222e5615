--TEST--
Producer: addBrokers() counts the brokers added, setLogLevel() is accepted, the error_cb reports an unreachable broker
--FILE--
<?php
$conf = new RdKafka\Conf();
$conf->set('log_level', '0');
$errors = [];
$conf->setErrorCb(function ($kafka, $err, $reason) use (&$errors) {
    $errors[] = [get_class($kafka), is_int($err), is_string($reason)];
});
$producer = new RdKafka\Producer($conf);
$producer->setLogLevel(LOG_EMERG);
var_dump($producer->addBrokers('127.0.0.1:1,127.0.0.1:2'));
$topic = $producer->newTopic('nowhere');
$topic->produce(RD_KAFKA_PARTITION_UA, 0, 'x');
$deadline = microtime(true) + 10;
while (!$errors && microtime(true) < $deadline) {
    $producer->poll(100);
}
var_dump($errors[0] ?? 'no error reported');
$producer->purge(RD_KAFKA_PURGE_F_QUEUE);
?>
--EXPECTF--
Deprecated: Method RdKafka\Producer::setLogLevel() is deprecated in %s on line 9
int(2)
array(3) {
  [0]=>
  string(16) "RdKafka\Producer"
  [1]=>
  bool(true)
  [2]=>
  bool(true)
}
