--TEST--
phpinfo() shows the rdkafka-rs version, the php-rdkafka API level, librdkafka's version and features, and the engine's state (engine thread, live clients)
--FILE--
<?php
ob_start();
(new ReflectionExtension('rdkafka'))->info();
$info = ob_get_clean();
foreach (['rdkafka-rs version', 'rdkafka-rs build', 'php-rdkafka API version', 'librdkafka version (runtime)', 'librdkafka built-in features', 'engine thread'] as $row) {
    echo $row, ': ', str_contains($info, $row) ? 'shown' : 'MISSING', "\n";
}
preg_match('/built-in features => (\S+)/', $info, $m);
$features = explode(',', $m[1] ?? '');
foreach (['gzip', 'snappy', 'lz4', 'zstd', 'ssl', 'sasl_plain', 'sasl_scram', 'sasl_oauthbearer'] as $feature) {
    echo $feature, ': ', in_array($feature, $features, true) ? 'yes' : 'no', "\n";
}
var_dump(str_contains($info, RD_KAFKA_VERSION >> 24 . '.'));

function engine_rows(): string {
    ob_start();
    (new ReflectionExtension('rdkafka'))->info();
    preg_match_all('/^(engine thread|producers served by the engine thread|live clients) => (.*)$/m', ob_get_clean(), $rows, PREG_SET_ORDER);
    return implode('; ', array_map(fn ($row) => "$row[1]: $row[2]", $rows));
}
echo engine_rows(), "\n";
$conf = new RdKafka\Conf();
$conf->set('metadata.broker.list', '127.0.0.1:1');
$conf->set('log_level', '0');
$producer = new RdKafka\Producer($conf);
$legacy = new RdKafka\Consumer($conf);
$conf->set('group.id', 'info');
$consumer = new RdKafka\KafkaConsumer($conf);
echo engine_rows(), "\n";
unset($producer, $legacy, $consumer);
echo engine_rows(), "\n";
?>
--EXPECT--
rdkafka-rs version: shown
rdkafka-rs build: shown
php-rdkafka API version: shown
librdkafka version (runtime): shown
librdkafka built-in features: shown
engine thread: shown
gzip: yes
snappy: yes
lz4: yes
zstd: yes
ssl: yes
sasl_plain: yes
sasl_scram: yes
sasl_oauthbearer: yes
bool(true)
engine thread: not started; producers served by the engine thread: 0; live clients: 0 producer(s), 0 consumer(s)
engine thread: running; producers served by the engine thread: 1; live clients: 1 producer(s), 2 consumer(s)
engine thread: running; producers served by the engine thread: 0; live clients: 0 producer(s), 0 consumer(s)
