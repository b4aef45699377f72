/* search */ var s = "</script>";
