--TEST--
RdKafka\KafkaErrorException::__construct() converts its arguments as PHP's weak mode does, as php-rdkafka's does (a numeric-string code, 1/0 for the flags), and refuses what cannot be converted with PHP's TypeError (before, every other type silently became 0, "" or false)
--FILE--
<?php
foreach ([
    ['m', 1],
    ['m', '5', 5, 1, 0, 1],
    ['m', 1, 'e', 'yes', '', '0'],
    ['m', 1, 'e', 2.5, 0.0, true],
    ['m', 'notint'],
    ['m', 1, []],
    [['a'], 1],
    ['m', 1, 'e', new stdClass()],
] as $arguments) {
    try {
        $e = new RdKafka\KafkaErrorException(...$arguments);
        printf("%s: code %s, message %s, error string %s, fatal %s, retriable %s, requires abort %s\n", json_encode($arguments),
            var_export($e->getCode(), true), var_export($e->getMessage(), true), var_export($e->getErrorString(), true),
            var_export($e->isFatal(), true), var_export($e->isRetriable(), true), var_export($e->transactionRequiresAbort(), true));
    } catch (TypeError $e) {
        echo json_encode($arguments), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
["m",1]: code 1, message 'm', error string '', fatal false, retriable false, requires abort false
["m","5",5,1,0,1]: code 5, message 'm', error string '5', fatal true, retriable false, requires abort true
["m",1,"e","yes","","0"]: code 1, message 'm', error string 'e', fatal true, retriable false, requires abort false
["m",1,"e",2.5,0,true]: code 1, message 'm', error string 'e', fatal true, retriable false, requires abort true
["m","notint"]: RdKafka\KafkaErrorException::__construct(): Argument #2 ($code) must be of type int, string given
["m",1,[]]: RdKafka\KafkaErrorException::__construct(): Argument #3 ($error_string) must be of type string, array given
[["a"],1]: RdKafka\KafkaErrorException::__construct(): Argument #1 ($message) must be of type string, array given
["m",1,"e",{}]: RdKafka\KafkaErrorException::__construct(): Argument #4 ($isFatal) must be of type bool, stdClass given
