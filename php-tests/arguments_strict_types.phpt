--TEST--
Arguments under declare(strict_types=1) are not converted, as PHP does for php-rdkafka's methods: an int payload, a string partition, a Stringable payload, a string timestamp an int Conf value, an int for a bool or a string code for KafkaErrorException is PHP's TypeError (before, they were converted as in weak mode); array elements (header values) are still converted, as php-rdkafka converts them; code without strict_types keeps weak-mode conversion
--INI--
rdkafka_rs.shutdown_flush_ms=0
--FILE--
<?php declare(strict_types=1);
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', '127.0.0.1:1');
$conf->set('log_level', '0');
$producer = new RdKafka\Producer($conf);
$topic = $producer->newTopic('strict');
function attempt(string $label, callable $call): void
{
    try {
        $call();
        echo "$label: ok\n";
    } catch (TypeError $e) {
        echo "$label: ", $e->getMessage(), "\n";
    }
}
attempt('int payload', fn () => $topic->produce(0, 0, 5));
attempt('int key', fn () => $topic->produce(0, 0, 'a', 5));
attempt('string partition', fn () => $topic->produce('0', 0, 'a'));
attempt('float partition', fn () => $topic->produce(1.0, 0, 'a'));
attempt('Stringable payload', fn () => $topic->produce(0, 0, new class { public function __toString(): string { return 'x'; } }));
attempt('string timestamp', fn () => $topic->producev(0, 0, 'a', null, null, '5'));
attempt('int opaque', fn () => $topic->producev(0, 0, 'a', null, null, null, 5));
attempt('int header value', fn () => $topic->producev(0, 0, 'a', null, ['h' => 5]));
attempt('int Conf value', fn () => $conf->set('client.id', 5));
attempt('string poll timeout', fn () => $producer->poll('0'));
attempt('call_user_func, int payload', fn () => call_user_func([$topic, 'produce'], 0, 0, 5));
attempt('int for a bool', fn () => $producer->getMetadata(1, null, 10));
attempt('KafkaErrorException string code', fn () => new RdKafka\KafkaErrorException('m', '5'));
attempt('KafkaErrorException int flag', fn () => new RdKafka\KafkaErrorException('m', 5, 'e', 1));

// The same calls from a file without strict_types: converted.
$weak = tempnam(sys_get_temp_dir(), 'rdkafka-rs-weak-');
file_put_contents($weak, '<?php return function ($topic, $conf, $producer) {
    $topic->produce(0, 0, 5);
    $topic->produce("0", 0, "a", 5);
    $topic->producev(0, 0, "a", null, null, "5");
    $conf->set("client.id", 5);
    new RdKafka\KafkaErrorException("m", "5", "e", 1);
    try {
        $producer->getMetadata(1, null, 10); // 1 is true; the unreachable broker times out
    } catch (RdKafka\Exception $e) {
    }
    return $producer->poll("0");
};');
echo 'weak mode: ', is_int((require $weak)($topic, $conf, $producer)) ? 'converted' : 'not converted', "\n";
unlink($weak);
$producer->purge(RD_KAFKA_PURGE_F_QUEUE);
?>
--EXPECTF--
int payload: RdKafka\ProducerTopic::produce(): Argument #3 ($payload) must be of type ?string, int given
int key: RdKafka\ProducerTopic::produce(): Argument #4 ($key) must be of type ?string, int given
string partition: RdKafka\ProducerTopic::produce(): Argument #1 ($partition) must be of type int, string given
float partition: RdKafka\ProducerTopic::produce(): Argument #1 ($partition) must be of type int, float given
Stringable payload: RdKafka\ProducerTopic::produce(): Argument #3 ($payload) must be of type ?string, class@anonymous given
string timestamp: RdKafka\ProducerTopic::producev(): Argument #6 ($timestamp_ms) must be of type ?int, string given
int opaque: RdKafka\ProducerTopic::producev(): Argument #7 ($msg_opaque) must be of type ?string, int given
int header value: ok
int Conf value: RdKafka\Conf::set(): Argument #2 ($value) must be of type string, int given
string poll timeout: RdKafka%S::poll(): Argument #1 ($timeout_ms) must be of type int, string given
call_user_func, int payload: RdKafka\ProducerTopic::produce(): Argument #3 ($payload) must be of type ?string, int given
int for a bool: RdKafka%S::getMetadata(): Argument #1 ($all_topics) must be of type bool, int given
KafkaErrorException string code: RdKafka\KafkaErrorException::__construct(): Argument #2 ($code) must be of type int, string given
KafkaErrorException int flag: RdKafka\KafkaErrorException::__construct(): Argument #4 ($isFatal) must be of type bool, int given
weak mode: converted
