<?php
// The baseline request: what php-fpm costs without Kafka.
echo 'ok';
