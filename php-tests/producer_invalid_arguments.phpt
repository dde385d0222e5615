--TEST--
Producer: bad partition and flags are InvalidArgumentException (as in php-rdkafka), wrong types TypeError, never a crash
--FILE--
<?php
$quiet = new RdKafka\Conf();
$quiet->set('log_level', '0');
$producer = new RdKafka\Producer($quiet);
$topic = $producer->newTopic('never-sent');
$calls = [
    fn () => $topic->produce(-7, 0, 'x'),
    fn () => $topic->produce(RD_KAFKA_PARTITION_UA, 12345, 'x'),
    fn () => $topic->produce('zero', 0, 'x'),
    fn () => $topic->produce(0, 0, ['array']),
    fn () => $topic->producev(0, 0, 'x', null, ['h' => ['nested']]),
    fn () => $producer->poll('soon'),
    fn () => $producer->newTopic("bad\0name"),
    fn () => new RdKafka\Producer('not a conf'),
];
foreach ($calls as $call) {
    try {
        $call();
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
var_dump($producer->getOutQLen());
?>
--EXPECTF--
InvalidArgumentException: Out of range value '-7' for $partition
InvalidArgumentException: Invalid value '12345' for $msgflags: use 0 or RD_KAFKA_MSG_F_BLOCK
TypeError: %s
TypeError: %s
TypeError: Header "h" must be a string or null, %s given
TypeError: %s
RdKafka\Exception: Topic names must not contain a NUL byte
TypeError: %s
int(0)
