--TEST--
INI: every rdkafka_rs.* setting is registered with its documented default, changeable at runtime, and shown by php --ri rdkafka
--FILE--
<?php
require __DIR__ . '/inc/helpers.inc';
$settings = ['rdkafka_rs.shutdown_flush_ms', 'rdkafka_rs.producer_max_messages', 'rdkafka_rs.producer_max_kbytes', 'rdkafka_rs.consumer_max_kbytes', 'rdkafka_rs.log_level', 'rdkafka_rs.request_flush_ms', 'rdkafka_rs.max_persistent_producers'];
foreach ($settings as $name) {
    echo $name, ' = ', var_export(ini_get($name), true), "\n";
}
$all = ini_get_all('rdkafka');
echo "ini_get_all('rdkafka'): ", implode(', ', array_keys($all)), "\n";
echo "changeable in scripts (PHP_INI_ALL): ", var_export(array_unique(array_column($all, 'access')) === [INI_ALL], true), "\n";
var_dump(ini_set('rdkafka_rs.producer_max_kbytes', '1024'), ini_get('rdkafka_rs.producer_max_kbytes'));

$process = proc_open(array_merge(php_command(['rdkafka_rs.shutdown_flush_ms' => '1234']), ['--ri', 'rdkafka']), [1 => ['pipe', 'w']], $pipes);
$info = stream_get_contents($pipes[1]);
proc_close($process);
foreach ($settings as $name) {
    preg_match('/^' . preg_quote($name) . ' => .*$/m', $info, $line);
    echo $line[0] ?? "$name missing from php --ri", "\n";
}
?>
--EXPECT--
rdkafka_rs.shutdown_flush_ms = '5000'
rdkafka_rs.producer_max_messages = '100000'
rdkafka_rs.producer_max_kbytes = '16384'
rdkafka_rs.consumer_max_kbytes = '4096'
rdkafka_rs.log_level = '7'
rdkafka_rs.request_flush_ms = '500'
rdkafka_rs.max_persistent_producers = '4'
ini_get_all('rdkafka'): rdkafka_rs.consumer_max_kbytes, rdkafka_rs.log_level, rdkafka_rs.max_persistent_producers, rdkafka_rs.producer_max_kbytes, rdkafka_rs.producer_max_messages, rdkafka_rs.request_flush_ms, rdkafka_rs.shutdown_flush_ms
changeable in scripts (PHP_INI_ALL): true
string(5) "16384"
string(4) "1024"
rdkafka_rs.shutdown_flush_ms => 1234 => 1234
rdkafka_rs.producer_max_messages => 100000 => 100000
rdkafka_rs.producer_max_kbytes => 16384 => 16384
rdkafka_rs.consumer_max_kbytes => 4096 => 4096
rdkafka_rs.log_level => 7 => 7
rdkafka_rs.request_flush_ms => 500 => 500
rdkafka_rs.max_persistent_producers => 4 => 4
