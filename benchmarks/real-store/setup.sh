#!/usr/bin/env bash
# Brings up a real WordPress 6.4.1 + WooCommerce 8.2.2 store on 127.0.0.1:80 (Apache) and 127.0.0.1:3306
# (MariaDB), following ../shared/reference/real-woocommerce-setup.md step by step, then loads the sample
# catalog plus the generated products of its section 9. Manual tool: NOT part of bin/test. Run as root on
# Debian 12 (no systemd). Needs the public repository Boikotyk/Jewellery-Store as a bare git directory
# (GIT_DIR; on this machine: the `fetch` tool put it under /work/.mirror/Boikotyk+Jewellery-Store/repo).
#
#   STORE_DIR=/work/realstore benchmarks/real-store/setup.sh
#
# Secrets: DB_PASS and ADMIN_PASS are generated once into $STORE_DIR/secrets.env (mode 600); the REST key
# pair goes to $STORE_DIR/apikey.json (mode 600). Nothing secret is printed.
# Afterwards: benchmarks/real-store/start.sh / stop.sh (section 11 of the recipe).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
export STORE_DIR=${STORE_DIR:-/work/realstore}
GIT_DIR=${GIT_DIR:-/work/.mirror/Boikotyk+Jewellery-Store/repo}
COMMIT=72089c8cabad13f4f5a7ad0b286ab5f2c79748fe
step() { printf '\n== %s  (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

if [ -e "$STORE_DIR/www" ]; then
  echo "$STORE_DIR/www exists already: use start.sh, or tear down first (recipe section 12)" >&2
  exit 1
fi
mkdir -p "$STORE_DIR"
if [ ! -f "$STORE_DIR/secrets.env" ]; then
  (umask 077
   printf "DB_PASS='%s'\nADMIN_PASS='%s'\n" "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" \
     "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" > "$STORE_DIR/secrets.env")
fi
# shellcheck disable=SC1091
. "$STORE_DIR/secrets.env"

step "2. Prerequisites"
apt-get update
apt-get install -y --no-install-recommends apache2 libapache2-mod-php8.2 php8.2-cli php8.2-mysql \
  php8.2-xml php8.2-mbstring php8.2-curl php8.2-gd php8.2-zip php8.2-intl mariadb-server mariadb-client
echo "pid 1: $(ps -p 1 -o comm=)"
ss -ltnp | grep -E ':(80|3306) ' && { echo "something listens on :80 or :3306 already" >&2; exit 1; } || true

step "3. WordPress and WooCommerce source"
git --git-dir="$GIT_DIR" log -1 --format='%H %s'
git --git-dir="$GIT_DIR" show "$COMMIT:wp-includes/version.php" | grep -E '^\$wp_(db_)?version'
git --git-dir="$GIT_DIR" show "$COMMIT:wp-content/plugins/woocommerce/woocommerce.php" | grep ' \* Version:'
mkdir -p "$STORE_DIR/www" && git --git-dir="$GIT_DIR" archive "$COMMIT" | tar -x -C "$STORE_DIR/www"

step "4. Database (MariaDB)"
mkdir -p "$STORE_DIR/mysql" "$STORE_DIR/logs"
chown mysql:mysql "$STORE_DIR/mysql" "$STORE_DIR/logs"
install -d -o mysql -g mysql /run/mysqld
cat > "$STORE_DIR/my.cnf" <<EOF
[mariadbd]
datadir = $STORE_DIR/mysql
bind-address = 127.0.0.1
port = 3306
socket = /run/mysqld/mysqld.sock
pid-file = $STORE_DIR/mysql/mariadbd.pid
log-error = $STORE_DIR/logs/mariadb.log
innodb_buffer_pool_size = 512M
EOF
mariadb-install-db --defaults-file="$STORE_DIR/my.cnf" --user=mysql
setsid mariadbd --defaults-file="$STORE_DIR/my.cnf" --user=mysql >/dev/null 2>&1 < /dev/null &
until mariadb-admin ping >/dev/null 2>&1; do sleep 0.5; done
mariadb -uroot <<EOF
CREATE DATABASE wp CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'wp'@'localhost' IDENTIFIED BY '$DB_PASS';
CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY '$DB_PASS';
GRANT ALL PRIVILEGES ON wp.* TO 'wp'@'localhost', 'wp'@'127.0.0.1';
EOF
mariadb -uwp -p"$DB_PASS" -h127.0.0.1 wp -e 'select 1' >/dev/null && echo "db check ok"

step "5. Apache and PHP"
[ -f /etc/apache2/ports.conf.orig ] || cp /etc/apache2/ports.conf /etc/apache2/ports.conf.orig
echo 'Listen 127.0.0.1:80' > /etc/apache2/ports.conf
mkdir -p "$STORE_DIR/apache"
cat > "$STORE_DIR/apache/realwc.conf" <<EOF
<VirtualHost 127.0.0.1:80>
    ServerName 127.0.0.1
    DocumentRoot $STORE_DIR/www
    <Directory $STORE_DIR/www>
        AllowOverride All
        Require all granted
    </Directory>
    LogFormat "%h %t \"%r\" %>s %b %D" timed
    CustomLog $STORE_DIR/logs/access.log timed
    ErrorLog $STORE_DIR/logs/error.log
</VirtualHost>
EOF
ln -sfn "$STORE_DIR/apache/realwc.conf" /etc/apache2/sites-enabled/realwc.conf
a2dissite 000-default || true
a2enmod rewrite
printf 'memory_limit = 512M\nmax_execution_time = 300\n' > /etc/php/8.2/apache2/conf.d/99-realwc.ini
apache2ctl configtest && apache2ctl start
apache2ctl -M | grep -E 'prefork|php|rewrite'

step "6. WordPress install"
cd "$STORE_DIR/www"
cp wp-config-sample.php wp-config.php
sed -i -e "s/database_name_here/wp/" -e "s/username_here/wp/" -e "s/password_here/$DB_PASS/" \
       -e "s/'localhost'/'127.0.0.1'/" wp-config.php
mkdir -p wp-content/themes/placeholder
printf '/*\nTheme Name: Placeholder\n*/\n' > wp-content/themes/placeholder/style.css
printf '<?php\n' > wp-content/themes/placeholder/index.php
chown -R www-data:www-data wp-content
curl -s 'http://127.0.0.1/wp-admin/install.php?step=2' \
  --data-urlencode 'weblog_title=Golisto test store' --data-urlencode 'user_name=admin' \
  --data-urlencode "admin_password=$ADMIN_PASS" --data-urlencode "admin_password2=$ADMIN_PASS" \
  --data-urlencode 'admin_email=admin@example.com' --data-urlencode 'blog_public=0' | grep -o 'Success!'
mariadb -uroot wp -e "select option_name, option_value from wp_options where option_name in ('home','siteurl')"

step "7. Activate WooCommerce"
J="$STORE_DIR/cookies.txt"
curl -s -c "$J" -b "$J" -o /dev/null http://127.0.0.1/wp-login.php
curl -s -c "$J" -b "$J" -o /dev/null http://127.0.0.1/wp-login.php \
  --data-urlencode 'log=admin' --data-urlencode "pwd=$ADMIN_PASS" -d testcookie=1
LINK=$(curl -s -b "$J" http://127.0.0.1/wp-admin/plugins.php \
  | grep -o 'plugins.php?action=activate&amp;plugin=woocommerce%2Fwoocommerce.php[^"]*' | sed 's/&amp;/\&/g')
curl -s -b "$J" -c "$J" -o /dev/null "http://127.0.0.1/wp-admin/$LINK"
chmod 600 "$J"   # an admin session
curl -s http://127.0.0.1/wp-json/wc/v3/products; echo
opt() { mariadb -uroot wp -e "INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('$1', '$2', 'yes')
  ON DUPLICATE KEY UPDATE option_value = VALUES(option_value)"; }
opt template placeholder; opt stylesheet placeholder; opt timezone_string America/Sao_Paulo; opt gmt_offset ''
opt permalink_structure '/%postname%/'; opt rewrite_rules ''
opt woocommerce_currency EUR; opt woocommerce_manage_stock yes; opt woocommerce_calc_taxes no

step "8. REST API key (read_write)"
CK=$(php -r 'echo "ck_", bin2hex(random_bytes(20));')
CS=$(php -r 'echo "cs_", bin2hex(random_bytes(20));')
HASH=$(php -r 'echo hash_hmac("sha256", $argv[1], "wc-api");' "$CK")
mariadb -uroot wp -e "INSERT INTO wp_woocommerce_api_keys (user_id, description, permissions, consumer_key,
  consumer_secret, truncated_key) VALUES (1, 'golisto-dev', 'read_write', '$HASH', '$CS', '${CK: -7}')"
(umask 077; printf '{"consumer_key":"%s","consumer_secret":"%s"}\n' "$CK" "$CS" > "$STORE_DIR/apikey.json")
unset CK CS HASH
python3 "$HERE/wc_rest.py" check

step "10. Webhooks to loopback ports (mu-plugin)"
mkdir -p "$STORE_DIR/www/wp-content/mu-plugins"
cat > "$STORE_DIR/www/wp-content/mu-plugins/loopback-webhooks.php" <<'EOF'
<?php
// Local test store only: let webhooks reach listeners on 127.0.0.1/localhost, also on port 8765.
add_filter( 'http_request_host_is_external', function ( $external, $host, $url ) {
	return in_array( $host, array( 'localhost', '127.0.0.1' ), true ) ? true : $external;
}, 10, 3 );
add_filter( 'http_allowed_safe_ports', function ( $ports, $host, $url ) {
	return array_merge( $ports, array( 8765 ) );
}, 10, 3 );
EOF
chown -R www-data:www-data "$STORE_DIR/www/wp-content/mu-plugins"
su -s /bin/sh www-data -c "cat '$STORE_DIR/www/wp-content/mu-plugins/loopback-webhooks.php'" >/dev/null && echo "mu-plugin readable"

step "9. Import the sample catalog and the generated products (through REST)"
python3 "$HERE/wc_rest.py" load-sample "$STORE_DIR/www/wp-content/plugins/woocommerce/sample-data/sample_products.csv"
python3 "$HERE/wc_rest.py" load-generated --simple 2000 --variable 200 --variations-each 3
python3 "$HERE/wc_rest.py" count

step "done"
du -sh "$STORE_DIR/www" "$STORE_DIR/mysql"
