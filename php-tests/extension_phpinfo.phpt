--TEST--
phpinfo() shows the rdkafka-rs version, the php-rdkafka API level, librdkafka's version and features
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
