### Центр безопасности (/security).

security-title = Центр безопасности
security-lead = Способы подтвердить, что это вы, и последние события в вашей учётной записи.
security-methods = Способы подтвердить, что это вы
security-no-methods = Аутентификатор пока не добавлен. Добавьте его: коды только по SMS или электронной почте легко украсть.
security-add-method = Добавить способ
security-add-totp = Добавить приложение-аутентификатор
security-add-passkey = Добавить ключ доступа
security-add-security-key = Добавить ключ безопасности
security-devices = Доверенные устройства
security-no-devices = Доверенных устройств нет.
security-recovery = Коды восстановления
security-recovery-left = Осталось кодов: { $n } из 10.
security-no-recovery = Кодов восстановления нет. Получите их и храните в надёжном месте на случай, если вы потеряете другие способы.
security-new-recovery = Получить новые коды восстановления
security-contacts = Электронная почта и телефон
security-email = Электронная почта
security-phone = Телефон
security-verified = Подтверждено
security-unverified = Не подтверждено
security-none = Нет
security-activity = Последние события безопасности
security-no-activity = Пока ничего.
# Далее следуют дата и время.
security-added = Добавлено
# Далее следуют дата и время.
security-last-used = последнее использование
security-never-used = не использовано
security-remove = Удалить
security-sign-out = Выйти
security-back-to-app = Вернуться в приложение
security-back = Вернуться в центр безопасности
# $strength: phishing_resistant, strong, backup или weaker.
security-strength =
    { $strength ->
        [phishing_resistant] Защита от фишинга
        [strong] Надёжно
        [backup] Резерв
       *[weaker] Менее надёжно
    }
# $kind: passkey, security_key, device, totp, hotp или recovery_codes
# (webauthn, тип фактора, — это ключ доступа).
security-kind =
    { $kind ->
        [passkey] Ключ доступа
        [webauthn] Ключ доступа
        [security_key] Ключ безопасности
        [device] Доверенное устройство
        [totp] Приложение-аутентификатор
        [hotp] Аппаратный токен
       *[recovery_codes] Коды восстановления
    }
security-sent-codes = Коды по SMS, звонку или электронной почте
security-notice-added = Готово: способ добавлен. Мы отправили уведомление на ваши подтверждённые адрес электронной почты и телефон.
security-notice-removed = Готово: способ удалён. Мы отправили уведомление на ваши подтверждённые адрес электронной почты и телефон.
security-notice-session-ended = Готово: эта сессия завершена.
security-notice-others-ended = Готово: остальные ваши сессии завершены.

## Добавление приложения-аутентификатора.

security-totp-title = Добавить приложение-аутентификатор
security-totp-scan = Отсканируйте этот QR-код приложением-аутентификатором (Google Authenticator, Aegis, 1Password…), затем введите показанный код.
security-totp-qr = QR-код для сканирования приложением-аутентификатором
security-totp-key = Не получается отсканировать? Введите этот ключ в приложении:
security-totp-open = Открыть в приложении-аутентификаторе на этом устройстве
security-totp-code = Код из приложения
security-totp-code-hint = 6 цифр. Этот ключ показывается только сейчас.
security-activate = Активировать
security-wrong-code = Этот код неверен. Проверьте приложение и повторите попытку.

## Добавление ключа доступа или ключа безопасности.

security-passkey-title = Добавить ключ доступа
security-passkey-lead = Ключ доступа хранится на вашем телефоне или компьютере и разблокируется отпечатком пальца, лицом или PIN-кодом. Он работает только на этом сайте, поэтому поддельный сайт ничего не получит.
security-security-key-title = Добавить ключ безопасности
security-security-key-lead = Держите ключ безопасности под рукой: по запросу вставьте его или поднесите к телефону, затем прикоснитесь к нему.
security-webauthn-label = Название (необязательно)
security-webauthn-label-hint = Чтобы потом его узнать, например «Рабочий ноутбук».
security-webauthn-start = Продолжить
security-webauthn-working = Следуйте инструкциям браузера…
security-webauthn-cancelled = Операция отменена или время ожидания истекло. Повторите попытку.
security-webauthn-failed = Не удалось добавить. Повторите попытку.

## Коды восстановления, подтверждения, начало и конец сессии.

security-codes-title = Ваши новые коды восстановления
security-codes-lead = Каждый код действует один раз. Распечатайте или запишите их и храните в надёжном месте: они показываются только сейчас. Прежние коды больше не действуют.
security-done = Готово
security-confirm-title = Подтверждено
security-confirm-lead = Вы подтвердили, что это вы. Удалить этот способ?
security-confirm-add-lead = Вы подтвердили, что это вы. Продолжить добавление:
security-cancel = Оставить
security-opening-title = Открываем центр безопасности
security-opening-lead = Минутку…
security-continue = Продолжить
security-signed-out-title = Выход выполнен
security-signed-out-lead = Вы вышли из центра безопасности.
security-step-up-first-title = Сначала подтвердите, что это вы
security-step-up-first-lead = Чтобы добавить способ входа в учётную запись, требуется новое подтверждение.
security-verify-me = Подтвердить, что это я

## Что пошло не так.

security-link-title = Эта ссылка больше не действует
security-link-lead = Ссылки на центр безопасности действуют однократно и только 5 минут. Вернитесь в приложение и снова откройте центр безопасности.
security-session-title = Ваша сессия завершена
security-session-lead = В целях безопасности центр безопасности закрывается после 10 минут бездействия и в любом случае через 30 минут. Вернитесь в приложение и откройте его снова.
security-csrf-title = Не удалось проверить этот запрос
security-csrf-lead = Ничего не изменено. Вернитесь в центр безопасности, обновите страницу и повторите попытку.
security-not-found-title = Не найдено
security-not-found-lead = Этого способа нет в вашей учётной записи.
security-step-up-title = Не подтверждено
security-step-up-lead = Это подтверждение не было завершено или уже использовано. Ничего не изменено.
security-unsatisfiable-lead = Чтобы изменить способы, нужно подтвердить личность аутентификатором и кодом по электронной почте или SMS, а для этой учётной записи это невозможно. Обратитесь в службу поддержки.
security-locked-lead = Слишком много неверных кодов: ваша учётная запись временно заблокирована. Повторите попытку позже.
security-expired-lead = Настройка ожидала слишком долго. Начните заново.
security-error-lead = Ничего не изменено. Повторите попытку чуть позже.

## Сессии.

security-sessions = Ваши сессии
security-sessions-lead = Если вы не узнаёте сессию, завершите её.
security-this-session = Эта сессия
security-browser-on = { $browser } на { $system }
security-unknown-browser = Неизвестный браузер
# Далее следуют дата и время.
security-opened = Открыта
# Далее следуют дата и время.
security-last-active = последняя активность
security-end-session = Завершить эту сессию
security-end-others = Завершить все остальные сессии
security-end-others-offer = Вы внесли это изменение, потому что что-то показалось подозрительным? Завершите и остальные сессии.

## Последние события. $kind: как в security-kind; $purpose: как в code-action.

security-event-factor-activated = Способ добавлен: { security-kind }
security-event-factor-removed = Способ удалён: { security-kind }
security-event-recovery-codes = Новые коды восстановления
security-event-factor-activation-failed = Неверный код при добавлении способа
security-event-factor-possible-clone = Ключ безопасности похож на копию и отклонён
# $field: email или phone.
security-event-contact-changed =
    { $field ->
        [email] Адрес электронной почты изменён
       *[phone] Телефон изменён
    }
security-event-challenge-approved = Подтверждено: { code-action }
security-event-challenge-failed = Подтверждение не удалось: { code-action }
security-event-challenge-denied = Отклонено на доверенном устройстве: { code-action }
security-event-challenge-code-rejected = Введён неверный код
security-event-user-locked = Учётная запись заблокирована после неверных кодов
security-event-portal-session-opened = Центр безопасности открыт
security-event-portal-session-revoked = Сессия центра безопасности завершена
